#include "language/words.hpp"

#include <algorithm>

#include "language/lexical.hpp"

#include "learn/multiclass.hpp"
#include "util/ascii.hpp"

namespace claimtrail::language {

namespace {

void normalise_into(std::string_view word, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < word.size(); ++i) {
    // U+2018/2019/201A/201B -> ', U+201C/201D/201E/201F -> ", U+2013/2014 -> -
    if (static_cast<unsigned char>(word[i]) == 0xE2 && i + 2 < word.size() &&
        static_cast<unsigned char>(word[i + 1]) == 0x80) {
      const unsigned char c = static_cast<unsigned char>(word[i + 2]);
      if (c >= 0x98 && c <= 0x9B) {
        out += '\'';
        i += 2;
        continue;
      }
      if (c >= 0x9C && c <= 0x9F) {
        out += '"';
        i += 2;
        continue;
      }
      if (c == 0x93 || c == 0x94) {
        out += '-';
        i += 2;
        continue;
      }
    }
    out += word[i];
  }
}

// WordCodes::wordnet of a lower-cased word. The lookups (base forms, two
// binary searches) cost more than the rest of word_codes(), and news
// repeats its words: each thread remembers the answers in a small
// direct-mapped table, by the word's hash. (WordNet has no word without
// letters: a number, a mark.)
std::uint32_t wordnet_bits(const std::string& lower, std::uint64_t hash) {
  struct Entry {
    std::uint64_t hash = 0;
    std::uint32_t bits = 0;
  };
  constexpr std::size_t kEntries = 1 << 15;
  thread_local std::vector<Entry> memo(kEntries);
  Entry& e = memo[hash & (kEntries - 1)];
  if (e.hash == hash && hash != 0) return e.bits;
  std::uint32_t bits = 0;
  if (std::any_of(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    if (const auto n = noun(lemma_noun(lower))) bits |= 1u | (static_cast<std::uint32_t>(n->first) + 1) << 2;
    if (const auto v = verb(lemma_verb(lower))) bits |= 2u | (static_cast<std::uint32_t>(v->first) + 1) << 7;
  }
  e = {hash, bits};
  return bits;
}

}  // namespace

std::string normalise_word(std::string_view word) {
  std::string out;
  normalise_into(word, out);
  return out;
}

std::uint64_t word_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return learn::mix64(h);
}

WordCodes word_codes(std::string_view word) {
  WordCodes w;
  thread_local std::string form, lower;  // reused: no allocation per word
  normalise_into(word, form);
  lower = form;
  for (char& c : lower) c = util::ascii_lower(c);
  w.form = word_hash(form);
  w.lower = word_hash(lower);
  for (std::size_t k = 0; k < 4; ++k)
    w.suffix[k] = lower.size() > k ? word_hash(std::string_view(lower).substr(lower.size() - k - 1)) : kNoWord;
  for (std::size_t k = 0; k < 2; ++k)
    w.prefix[k] = lower.size() > k ? word_hash(std::string_view(lower).substr(0, k + 1)) : kNoWord;
  thread_local std::string shape;
  shape.clear();
  bool any_lower = false, any_upper = false;
  for (const char c : form) {
    char cls;
    if (c >= 'A' && c <= 'Z') {
      cls = 'X';
      any_upper = true;
    } else if (c >= 'a' && c <= 'z') {
      cls = 'x';
      any_lower = true;
    } else if (c >= '0' && c <= '9') {
      cls = 'd';
      w.has_digit = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      cls = 'u';
    } else {
      cls = c;
      if (c == '-') w.has_hyphen = true;
    }
    if (shape.empty() || shape.back() != cls) shape += cls;
  }
  w.shape = word_hash(shape);
  w.capitalised = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  w.all_caps = any_upper && !any_lower;
  // (WordNet is asked of words with small letters and no digits: "US" is not "us")
  if (any_lower && !w.has_digit) w.wordnet = wordnet_bits(lower, w.lower);
  return w;
}

std::vector<WordCodes> word_codes(std::span<const std::string_view> words) {
  std::vector<WordCodes> out;
  out.reserve(words.size());
  for (const auto w : words) out.push_back(word_codes(w));
  return out;
}

}  // namespace claimtrail::language
