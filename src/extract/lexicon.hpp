// The parser's word tables (data/lexicon/*.tsv, embedded in the binary),
// loaded once into lookup structures.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace re2 {
class RE2;
}

namespace claimtrail::extract {

struct CueEntry {
  int as_cue = 0;       // times annotated as a cue in the training data
  int occurrences = 0;  // times the words occur there at all
  double p = 0.0;       // as_cue / occurrences
  bool longer = false;  // some longer cue starts with these words
};

struct PersonNoun {
  bool plural = false;
};

struct NonResponsePattern {
  std::string kind;  // no_response | declined | no_comment
  std::unique_ptr<re2::RE2> re;
};

// Hashing that lets string_view keys find std::string entries without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// What the word tables say about one lower-cased word, as bits: one lookup
// answers every "is it a ...?" question about a token.
enum WordClass : std::uint32_t {
  kDeterminerWord = 1u << 0,
  kRankWord = 1u << 1,
  kTitleWord = 1u << 2,  // a one-word title ("senator")
  kAffiliationWord = 1u << 3,
  kPersonNounWord = 1u << 4,
  kOrgHeadWord = 1u << 5,
  kDocumentNounWord = 1u << 6,
  kCueStartWord = 1u << 7,
  kHedgeStartWord = 1u << 8,
  kAnonymousNounWord = 1u << 9,
  kQuantifierWord = 1u << 10,
  // The classes of data/lexicon/grammar.tsv (function words by their role).
  kCueModifierWord = 1u << 11,
  kNotAdverbWord = 1u << 12,
  kClauseOpenerWord = 1u << 13,
  kTellVerbWord = 1u << 14,
  kForecastVerbWord = 1u << 15,
  kComplementOpenerWord = 1u << 16,
  kFiniteVerbWord = 1u << 17,
  kPostmodifierWord = 1u << 18,
  kCoordinatorWord = 1u << 19,
  kSubjectPronounWord = 1u << 20,
  kPronounWord = 1u << 21,
  kParticleWord = 1u << 22,
  kAdverbialOpenerWord = 1u << 23,
  kTimeWord = 1u << 24,
  kIntentionWord = 1u << 25,      // "plans", "seeks": a plan when "to" follows
  kOpinionWord = 1u << 26,        // "should", "must": a judgement, not a checkable fact
  kInterviewWord = 1u << 27,      // "Interview by ...": who put a transcript's questions
  kDirectiveWord = 1u << 28,      // "urged", "called on": an addressee, then what it is to do ("to ...")
  kHearsayWord = 1u << 29,        // "is said to", "is understood to": a report held by no one named
  kPlaceModifierWord = 1u << 30,  // "North", "Port": opening a place's name of two words
  kHyphenPrefixWord = 1u << 31,   // "non", "anti": a prefix the treebanks keep joined by its hyphen
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;  // owns compiled patterns
  Lexicon& operator=(const Lexicon&) = delete;

  // Lookups take lower-cased words; multi-word keys are joined by one space.
  const CueEntry* cue(std::string_view words) const;
  // Like cue(), but also finds the words when they only begin a longer cue
  // (then as_cue is 0): lets a scan stop as soon as no cue can follow.
  const CueEntry* cue_or_prefix(std::string_view words) const {
    auto it = cues_.find(words);
    return it == cues_.end() ? nullptr : &it->second;
  }
  std::size_t longest_cue_words() const { return longest_cue_; }
  // Does some cue begin with this word? (A cheap filter before cue().)
  bool starts_cue(std::string_view word) const { return cue_first_words_.count(word) > 0; }
  bool starts_hedge(std::string_view word) const { return hedge_first_words_.count(word) > 0; }
  // One pattern matching any non-response / anonymity pattern: a cheap test
  // of a whole article before the per-sentence work.
  const re2::RE2& any_non_response() const { return *any_non_response_; }
  const re2::RE2& any_anonymity() const { return *any_anonymity_; }
  const PersonNoun* person_noun(std::string_view word) const;
  bool is_title(std::string_view words) const { return titles_.count(words) > 0; }
  // A form of a reporting verb of speech_verbs.tsv ("said", "tells").
  bool is_speech_verb(std::string_view word) const { return speech_forms_.count(word) > 0; }
  std::size_t longest_title_words() const { return longest_title_; }
  bool is_org_head(std::string_view w) const { return org_heads_.count(w) > 0; }
  // The head of a public body's name, which may hold "and" ("Fire and
  // Rescue Service"): org_heads.tsv's "public" rows.
  bool is_public_body_head(std::string_view w) const { return public_heads_.count(w) > 0; }
  // A company's kind, which may stand before its name ("Rail operator
  // Valleylink", "the carmaker Volvo"): org_heads.tsv's "trade" rows.
  bool is_trade_head(std::string_view w) const { return trade_heads_.count(w) > 0; }
  // A word ending a company's name or describing one ("Co.", "Group",
  // "company", "firm"): org_heads.tsv's "company" rows.
  bool is_company_head(std::string_view w) const { return company_heads_.count(w) > 0; }
  // `name` as written (case-sensitive): "White House".
  bool is_known_org(std::string_view name) const { return orgs_.count(name) > 0; }
  bool is_document_noun(std::string_view w) const { return doc_nouns_.count(w) > 0; }
  bool is_rank(std::string_view w) const { return ranks_.count(w) > 0; }
  // Letters after a name ("KC", "MP", "OBE"): postnominals.tsv.
  bool is_postnominal(std::string_view w) const { return postnominals_.count(w) > 0; }
  bool is_anonymous_noun(std::string_view w) const { return anonymous_nouns_.count(w) > 0; }
  bool is_affiliation_word(std::string_view w) const { return affiliations_.count(w) > 0; }
  bool is_determiner(std::string_view w) const { return determiners_.count(w) > 0; }
  // What a word says of a person's sex (gender.tsv): 1 a man, 2 a woman, 0 nothing.
  int gender(std::string_view w) const {
    auto it = genders_.find(w);
    return it == genders_.end() ? 0 : it->second;
  }
  // "Analysis", "Live updates": a headline's label before a colon, not a speaker.
  bool is_headline_label(std::string_view w) const { return headline_labels_.count(w) > 0; }
  // Is the lower-cased word `w` in one of the classes `bits`?
  bool is(std::string_view w, std::uint32_t bits) const { return (word_class(w) & bits) != 0; }
  // The WordClass bits of one lower-cased word (0 when no table has it).
  std::uint32_t word_class(std::string_view w) const {
    if (w.empty() || !class_filter_[filter_key(w)]) return 0;  // most words: no hashing
    auto it = classes_.find(w);
    return it == classes_.end() ? 0 : it->second;
  }
  // A count word: has_value() when known; the optional inside is the count
  // (empty for vague words such as "several").
  std::optional<std::optional<int>> quantifier(std::string_view words) const;
  const std::vector<std::string>& hedges() const { return hedges_; }
  // Is this phrase (lower-cased, words joined by one space) a hedge of hedges.tsv?
  bool is_hedge(std::string_view words) const {
    return std::any_of(hedges_.begin(), hedges_.end(), [&](const std::string& h) { return h == words; });
  }
  const std::vector<NonResponsePattern>& non_responses() const { return non_responses_; }
  const std::vector<std::unique_ptr<re2::RE2>>& anonymity() const { return anonymity_; }

 private:
  StringMap<CueEntry> cues_;
  StringSet cue_first_words_, hedge_first_words_;
  std::unique_ptr<re2::RE2> any_non_response_, any_anonymity_;
  std::size_t longest_cue_ = 1;
  StringMap<PersonNoun> person_nouns_;
  StringSet titles_;
  StringSet speech_forms_;
  StringSet public_heads_;
  StringSet trade_heads_;
  StringSet company_heads_;
  std::size_t longest_title_ = 1;
  StringSet org_heads_, orgs_, doc_nouns_, ranks_, postnominals_, affiliations_, determiners_, anonymous_nouns_,
      headline_labels_;
  StringMap<std::optional<int>> quantifiers_;
  StringMap<int> genders_;
  StringMap<std::uint32_t> classes_;
  // A cheap pre-test of word_class(): is some word of the tables of this
  // length, with these first and last two letters?
  static std::size_t filter_key(std::string_view w) {
    const auto c = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(w[i])); };
    const std::size_t n = w.size();
    return (n * 0x9E37u ^ c(0) * 0x3Bu ^ c(n - 1) * 0x2F1u ^ (n > 1 ? c(n - 2) * 0x1Fu : 0) ^
            (n > 1 ? c(1) * 0x61u : 0)) &
           (kFilterBits - 1);
  }
  static constexpr std::size_t kFilterBits = 1u << 16;
  std::vector<bool> class_filter_ = std::vector<bool>(kFilterBits);
  std::vector<std::string> hedges_;
  std::vector<NonResponsePattern> non_responses_;
  std::vector<std::unique_ptr<re2::RE2>> anonymity_;
};

}  // namespace claimtrail::extract
