#include "util/file_name.hpp"

#include <cstdint>
#include <cstdio>

#include "util/ascii.hpp"
#include "util/utf8.hpp"

namespace claimtrail::util {

namespace {

// FNV-1a, 64 bits: stable across runs, builds and machines.
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex8(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>((h ^ (h >> 32)) & 0xffffffffULL));
  return buf;
}

bool unsafe_ascii(unsigned char c) {
  return c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
         c == '>' || c == '|';
}

// `s` cut to at most n bytes on a UTF-8 character boundary (s is valid UTF-8).
std::string_view cut(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// The slug: every unsafe character or invalid byte as '_' (runs as one).
std::string slug(std::string_view id) {
  std::string out;
  std::size_t i = 0;
  auto underscore = [&] {
    if (out.empty() || out.back() != '_') out += '_';
  };
  while (i < id.size()) {
    const auto c = static_cast<unsigned char>(id[i]);
    if (c < 0x80) {
      if (unsafe_ascii(c))
        underscore();
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    // One code point if valid, else one invalid byte.
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || i + len > id.size() || find_invalid_utf8(id.substr(i, len))) {
      underscore();
      ++i;
      continue;
    }
    if (c == 0xC2 && static_cast<unsigned char>(id[i + 1]) < 0xA0)
      underscore();  // C1 control
    else
      out.append(id.substr(i, len));
    i += len;
  }
  std::size_t b = 0;
  while (b < out.size() && (out[b] == '.' || out[b] == '_' || out[b] == ' ')) ++b;
  out.erase(0, b);
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

bool is_safe_file_stem(std::string_view id) {
  if (id.empty() || id.size() > kMaxStemBytes || id[0] == '.' || find_invalid_utf8(id)) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const auto c = static_cast<unsigned char>(id[i]);
    if (unsafe_ascii(c)) return false;
    if (c == 0xC2 && i + 1 < id.size() && static_cast<unsigned char>(id[i + 1]) < 0xA0) return false;
  }
  return true;
}

std::string safe_file_stem(std::string_view id) {
  if (is_safe_file_stem(id)) return std::string(id);
  std::string s = slug(id);
  if (s.empty()) s = "article";
  return std::string(cut(s, kMaxStemBytes - 9)) + "-" + hex8(fnv1a(id));
}

std::string UniqueStems::take(std::string_view id, std::string_view salt) {
  std::string stem = safe_file_stem(id);
  for (std::uint64_t attempt = 0; !taken_.insert(ascii_lower(stem)).second; ++attempt) {
    const std::string key = std::string(id) + '\0' + std::string(salt) + '\0' + std::to_string(attempt);
    stem = std::string(cut(safe_file_stem(id), kMaxStemBytes - 9)) + "-" + hex8(fnv1a(key));
  }
  return stem;
}

}  // namespace claimtrail::util
