#include "language/word_classes.hpp"

#include <charconv>
#include <string>
#include <vector>

#include "language/words.hpp"
#include "util/ascii.hpp"
#include "util/incbin.hpp"

CLAIMTRAIL_INCBIN(claimtrail_word_clusters, CLAIMTRAIL_WORD_CLUSTERS_FILE)

namespace claimtrail::language {

namespace {

// The word of the line that holds byte `at` of the table, and that line's start.
std::string_view line_at(std::string_view text, std::size_t at, std::size_t& start) {
  const std::size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  start = nl == std::string_view::npos ? 0 : nl + 1;
  const std::size_t tab = text.find_first_of("\t\n", start);
  return text.substr(start, (tab == std::string_view::npos ? text.size() : tab) - start);
}

WordClass classes_of_line(std::string_view text, std::size_t start) {
  std::size_t at = text.find('\t', start);
  WordClass c;
  std::uint16_t* out[3] = {&c.fine, &c.middle, &c.coarse};
  for (std::uint16_t* o : out) {
    if (at == std::string_view::npos) return {};
    int v = 0;
    const auto r = std::from_chars(text.data() + at + 1, text.data() + text.size(), v);
    if (r.ec != std::errc() || v < 0 || v > 60000) return {};
    *o = static_cast<std::uint16_t>(v + 1);
    at = static_cast<std::size_t>(r.ptr - text.data());
    if (at >= text.size() || text[at] != '\t') at = std::string_view::npos;
  }
  return c;
}

}  // namespace

// The built-in file is sorted by word (after its comment line): a binary
// search over its bytes needs nothing built at start-up.
WordClass word_class(std::string_view lower) {
  const std::string_view text = claimtrail_word_clusters_bytes();
  if (lower.empty() || lower.find_first_of("\t\n") != std::string_view::npos) return {};
  std::size_t lo = 0, hi = text.size();  // the line sought starts in [lo, hi)
  while (lo < hi) {
    std::size_t start;
    const std::string_view w = line_at(text, lo + (hi - lo) / 2, start);
    if (w == lower) return classes_of_line(text, start);
    if (w.empty() || w[0] == '#' || w < lower) {
      const std::size_t next = text.find('\n', start);
      lo = next == std::string_view::npos ? text.size() : next + 1;
    } else {
      hi = start;
    }
  }
  return {};
}

WordClass word_class_of(std::string_view word) {
  thread_local std::string lower;
  lower = normalise_word(word);
  for (char& c : lower) c = util::ascii_lower(c);
  struct Entry {
    std::uint64_t hash = 0;
    WordClass cls;
  };
  constexpr std::size_t kEntries = 1 << 12;
  thread_local std::vector<Entry> memo(kEntries);
  const std::uint64_t hash = word_hash(lower);
  Entry& e = memo[hash & (kEntries - 1)];
  if (e.hash != hash || hash == 0) e = {hash, word_class(lower)};
  return e.cls;
}

}  // namespace claimtrail::language
