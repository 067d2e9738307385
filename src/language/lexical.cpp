#include "language/lexical.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "util/ascii.hpp"

// The generated table file (tools/gen_lexical), embedded by CMake.
namespace claimtrail::lexical_data {
std::string_view get(std::string_view name);
}  // namespace claimtrail::lexical_data

namespace claimtrail::language {
namespace {

constexpr std::string_view kFile = "lexical_tables.txt";

constexpr std::array<std::string_view, kNounClasses> kNounNames = {
    "noun.Tops",       "noun.act",           "noun.animal",   "noun.artifact", "noun.attribute",  "noun.body",
    "noun.cognition",  "noun.communication", "noun.event",    "noun.feeling",  "noun.food",       "noun.group",
    "noun.location",   "noun.motive",        "noun.object",   "noun.person",   "noun.phenomenon", "noun.plant",
    "noun.possession", "noun.process",       "noun.quantity", "noun.relation", "noun.shape",      "noun.state",
    "noun.substance",  "noun.time"};
constexpr std::array<std::string_view, kVerbClasses> kVerbNames = {
    "verb.body",        "verb.change",     "verb.cognition", "verb.communication", "verb.competition",
    "verb.consumption", "verb.contact",    "verb.creation",  "verb.emotion",       "verb.motion",
    "verb.perception",  "verb.possession", "verb.social",    "verb.stative",       "verb.weather"};

[[noreturn]] void broken(const std::string& why) {
  throw core::Error(std::string(kFile), "the embedded lexical tables are broken (" + why + ")");
}

// One section of the table file: its rows, sorted by key (the generator
// writes them so), found by binary search. Reading the tables only finds
// where each row starts; a row's fields are read when it is looked up, so
// start-up costs one pass over the bytes and 4 bytes a row.
class Section {
 public:
  Section() = default;
  Section(std::string_view bytes, std::vector<std::uint32_t> starts) : bytes_(bytes), starts_(std::move(starts)) {}

  std::size_t size() const { return starts_.size(); }

  // The tab-separated fields of the row whose key is `key`, or nothing.
  // `N` fields exactly, the first being the key.
  template <std::size_t N>
  std::optional<std::array<std::string_view, N>> find(std::string_view key) const {
    const auto it = std::lower_bound(starts_.begin(), starts_.end(), key,
                                     [&](std::uint32_t at, std::string_view k) { return key_at(at) < k; });
    if (it == starts_.end() || key_at(*it) != key) return std::nullopt;
    std::string_view line = line_at(*it);
    std::array<std::string_view, N> out;
    for (std::size_t i = 0; i + 1 < N; ++i) {
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) broken("a short row");
      out[i] = line.substr(0, tab);
      line.remove_prefix(tab + 1);
    }
    out[N - 1] = line;
    return out;
  }

 private:
  std::string_view line_at(std::uint32_t at) const {
    const std::string_view rest = bytes_.substr(at);
    return rest.substr(0, rest.find('\n'));
  }
  // Every row has a tab (Reader::section checks), so the key ends at the first.
  std::string_view key_at(std::uint32_t at) const { return bytes_.substr(at, bytes_.find('\t', at) - at); }

  std::string_view bytes_;
  std::vector<std::uint32_t> starts_;
};

struct Tables {
  Section nouns, verbs, noun_exc, verb_exc, places, senses;
  std::size_t bytes = 0;
  std::chrono::microseconds load{};
};

// Reads the table file's layout: a header line, then sections of
// "@name N" and N rows.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  std::string_view line() {
    if (at_ >= bytes_.size()) broken("it ends early");
    const std::size_t nl = bytes_.find('\n', at_);
    if (nl == std::string_view::npos) broken("no final line break");
    const std::string_view out = bytes_.substr(at_, nl - at_);
    at_ = nl + 1;
    return out;
  }

  Section section(std::string_view name) {
    const std::string_view head = line();
    const std::string want = "@" + std::string(name) + " ";
    if (head.substr(0, want.size()) != want) broken("no section " + std::string(name));
    std::vector<std::uint32_t> starts(decimal(head.substr(want.size())));
    for (std::uint32_t& s : starts) {
      s = static_cast<std::uint32_t>(at_);
      if (line().find('\t') == std::string_view::npos) broken("a row with no key in " + std::string(name));
    }
    return {bytes_, std::move(starts)};
  }

  bool done() const { return at_ == bytes_.size(); }

 private:
  static std::size_t decimal(std::string_view s) {
    std::size_t v = 0;
    for (const char c : s) {
      if (!util::is_ascii_digit(c) || v > 100'000'000) broken("a bad count");
      v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    return v;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::uint32_t hex(std::string_view s) {
  if (s.empty() || s.size() > 8) broken("a bad number");
  std::uint32_t v = 0;
  for (const char c : s) {
    const int d = util::is_ascii_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (d < 0) broken("a bad number");
    v = (v << 4) | static_cast<std::uint32_t>(d);
  }
  return v;
}

std::uint8_t class_letter(std::string_view s, std::size_t classes) {
  if (s.size() != 1 || s[0] < 'a' || static_cast<std::size_t>(s[0] - 'a') >= classes) broken("a bad class");
  return static_cast<std::uint8_t>(s[0] - 'a');
}

Tables read_tables() {
  const auto start = std::chrono::steady_clock::now();
  Tables t;
  const std::string_view bytes = lexical_data::get(kFile);
  if (bytes.size() >= UINT32_MAX) broken("too large");
  t.bytes = bytes.size();
  Reader in(bytes);
  if (in.line() != "claimtrail-lexical 1") broken("an unknown format");
  t.nouns = in.section("noun");
  t.verbs = in.section("verb");
  t.noun_exc = in.section("noun.exc");
  t.verb_exc = in.section("verb.exc");
  t.places = in.section("place");
  t.senses = in.section("sense");
  if (!in.done()) broken("bytes after the last section");
  t.load = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  return t;
}

const Tables& tables() {
  static const Tables t = read_tables();
  return t;
}

// An exception row's first base form (the rest, tab-separated, are other
// readings: "axes" -> "ax", then "axis").
std::string first_base(std::string_view bases) { return std::string(bases.substr(0, bases.find('\t'))); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// WordNet's detachment rules (morphy(7WN)): {suffix, replacement}.
struct Rule {
  std::string_view suffix, ending;
};
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};

template <std::size_t N>
std::optional<std::string> by_rules(const std::string& word, const Rule (&rules)[N], const Section& lemmas) {
  for (const Rule& r : rules) {
    if (!ends_with(word, r.suffix)) continue;
    std::string base = word.substr(0, word.size() - r.suffix.size());
    base += r.ending;
    if (lemmas.find<1>(base)) return base;
  }
  return std::nullopt;
}

}  // namespace

std::string_view name(NounClass c) { return kNounNames.at(static_cast<std::size_t>(c)); }
std::string_view name(VerbClass c) { return kVerbNames.at(static_cast<std::size_t>(c)); }

std::optional<NounInfo> noun(std::string_view lemma) {
  const auto f = tables().nouns.find<4>(util::ascii_lower(lemma));
  if (!f) return std::nullopt;
  const std::uint32_t flags = hex((*f)[3]);
  const auto bit = [&](unsigned b) { return ((flags >> b) & 1U) != 0; };
  return NounInfo{static_cast<NounClass>(class_letter((*f)[1], kNounClasses)),
                  hex((*f)[2]),
                  bit(0),
                  bit(1),
                  bit(2),
                  bit(3),
                  {bit(4), bit(5), bit(6), bit(7)}};
}

std::optional<VerbInfo> verb(std::string_view lemma) {
  const auto f = tables().verbs.find<3>(util::ascii_lower(lemma));
  if (!f) return std::nullopt;
  return VerbInfo{static_cast<VerbClass>(class_letter((*f)[1], kVerbClasses)), hex((*f)[2])};
}

std::string lemma_noun(std::string_view word) {
  const Tables& t = tables();
  std::string w = util::ascii_lower(word);
  if (const auto e = t.noun_exc.find<2>(w)) return first_base((*e)[1]);
  if (t.nouns.find<1>(w)) return w;
  if (auto base = by_rules(w, kNounRules, t.nouns)) return *base;
  return w;
}

std::string lemma_verb(std::string_view word) {
  const Tables& t = tables();
  std::string w = util::ascii_lower(word);
  if (const auto e = t.verb_exc.find<2>(w)) return first_base((*e)[1]);
  if (t.verbs.find<1>(w)) return w;
  if (auto base = by_rules(w, kVerbRules, t.verbs)) return *base;
  return w;
}

std::vector<std::uint32_t> meanings(std::string_view word) {
  // Each thread remembers the words it looked up (news repeats its words);
  // the memo starts again when it holds kMemo of them.
  constexpr std::size_t kMemo = 1 << 16;
  thread_local std::unordered_map<std::string, std::vector<std::uint32_t>> memo;
  std::string key(word);
  if (const auto it = memo.find(key); it != memo.end()) return it->second;
  if (memo.size() >= kMemo) memo.clear();
  const Tables& t = tables();
  std::vector<std::uint32_t> out;
  auto add = [&](const std::string& lemma) {
    const auto f = t.senses.find<2>(lemma);
    if (!f) return;
    std::string_view ids = (*f)[1];
    while (!ids.empty()) {
      const std::size_t comma = ids.find(',');
      const std::string_view id = ids.substr(0, comma);
      if (id.empty() || id.size() > 6) broken("a bad sense id");
      std::uint32_t v = 0;
      for (const char c : id) {
        const int d = util::is_ascii_digit(c) ? c - '0' : (c >= 'a' && c <= 'z') ? c - 'a' + 10 : -1;
        if (d < 0) broken("a bad sense id");
        v = v * 36 + static_cast<std::uint32_t>(d);
      }
      out.push_back(v);
      ids.remove_prefix(comma == std::string_view::npos ? ids.size() : comma + 1);
    }
  };
  const std::string n = lemma_noun(word), v = lemma_verb(word);
  add(n);
  if (v != n) add(v);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  memo.emplace(std::move(key), out);
  return out;
}

std::optional<Place> place(std::string_view name) {
  const auto f = tables().places.find<4>(util::ascii_lower(name));
  if (!f) return std::nullopt;
  return Place{(*f)[1] == "C", (*f)[2], (*f)[3]};
}

Stats stats() {
  const Tables& t = tables();
  return {t.nouns.size(), t.verbs.size(), t.noun_exc.size(), t.verb_exc.size(), t.places.size(), t.bytes, t.load};
}

}  // namespace claimtrail::language
