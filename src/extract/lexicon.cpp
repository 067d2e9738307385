#include "extract/lexicon.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <stdexcept>

#include "text/word_tables.hpp"
#include "util/ascii.hpp"
#include "util/embedded.hpp"
#include "util/tsv.hpp"

namespace claimtrail::extract {

namespace {

std::string_view table(std::string_view name) {
  std::string_view data = lexicon_data::get(name);
  if (data.empty()) throw std::logic_error("word table missing from the build: " + std::string(name));
  return data;
}

std::size_t word_count(std::string_view s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1; }

void load_set(std::string_view name, StringSet& out, bool lower = true) {
  util::for_each_tsv_row(table(name),
                         [&](const auto& f) { out.insert(lower ? util::ascii_lower(f[0]) : std::string(f[0])); });
}

constexpr std::int64_t kPatternMemory = 1 << 20;

std::unique_ptr<re2::RE2> compile(std::string_view pattern, std::string_view table_name) {
  re2::RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  // RE2 lets each pattern's DFA cache grow to 8 MiB by default; with twenty
  // patterns that is hundreds of megabytes on a long article. A full cache is
  // flushed and rebuilt, so a smaller one bounds memory, not correctness.
  opt.set_max_mem(kPatternMemory);
  auto re = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), opt);
  if (!re->ok()) throw std::logic_error("bad pattern in " + std::string(table_name) + ": " + re->error());
  return re;
}

}  // namespace

Lexicon::Lexicon() {
  util::for_each_tsv_row(table("cues.tsv"), [&](const auto& f) {
    if (f.size() < 4) return;
    CueEntry e;
    e.as_cue = std::stoi(std::string(f[1]));
    e.occurrences = std::stoi(std::string(f[2]));
    e.p = std::stod(std::string(f[3]));
    cues_.emplace(std::string(f[0]), e);
    longest_cue_ = std::max(longest_cue_, word_count(f[0]));
  });
  // Reporting verbs missing from the learned table get a modest prior, lower
  // for the base and -s forms, which are often nouns ("the state", "reports").
  const auto& verbs = text::speech_verbs();  // each reporting verb's forms
  for (const auto& row : verbs)
    for (std::size_t k = 0; k < row.size(); ++k) {
      speech_forms_.insert(row[k]);
      if (!cues_.count(row[k])) cues_.emplace(row[k], CueEntry{3, 10, k < 2 ? 0.35 : 0.5});
    }
  // A reporting verb and its particle learned in one form hold in every
  // form: "warned of" gives "warn of", "warns of" and "warning of".
  for (const auto& row : verbs)
    for (const char* particle : {"of", "about", "for", "against"})
      for (const auto& form : row)
        if (const auto it = cues_.find(form + " " + particle); it != cues_.end()) {
          const CueEntry learned = it->second;
          for (const auto& other : row) cues_.try_emplace(other + " " + particle, learned);
          break;
        }
  for (const auto& [singular, plural] : text::person_nouns()) {
    if (singular != "-") person_nouns_.emplace(singular, PersonNoun{false});  // "-": collective only
    if (plural != "-") person_nouns_.emplace(plural, PersonNoun{true});
  }
  util::for_each_tsv_row(table("titles.tsv"), [&](const auto& f) {
    titles_.insert(util::ascii_lower(f[0]));
    longest_title_ = std::max(longest_title_, word_count(f[0]));
  });
  org_heads_.insert(text::org_heads().begin(), text::org_heads().end());
  util::for_each_tsv_row(table("org_heads.tsv"), [&](const auto& f) {
    if (f.size() > 1 && f[1] == "public") public_heads_.insert(util::ascii_lower(f[0]));
    if (f.size() > 1 && f[1] == "trade") trade_heads_.insert(util::ascii_lower(f[0]));
    if (f.size() > 1 && f[1] == "company") company_heads_.insert(util::ascii_lower(f[0]));
  });
  load_set("organizations.tsv", orgs_, false);
  load_set("document_nouns.tsv", doc_nouns_);
  load_set("ranks.tsv", ranks_);
  load_set("postnominals.tsv", postnominals_);
  load_set("anonymous_nouns.tsv", anonymous_nouns_);
  load_set("affiliations.tsv", affiliations_);
  load_set("determiners.tsv", determiners_);
  load_set("headline_labels.tsv", headline_labels_);
  util::for_each_tsv_row(table("quantifiers.tsv"), [&](const auto& f) {
    std::optional<int> n;
    if (f.size() > 1 && !f[1].empty()) n = std::stoi(std::string(f[1]));
    quantifiers_.emplace(util::ascii_lower(f[0]), n);
  });
  util::for_each_tsv_row(table("gender.tsv"), [&](const auto& f) {
    if (f.size() < 2 || (f[1] != "male" && f[1] != "female"))
      throw std::logic_error("gender.tsv: male or female expected in line '" + std::string(f[0]) + "'");
    genders_[util::ascii_lower(f[0])] = f[1] == "male" ? 1 : 2;
  });
  util::for_each_tsv_row(table("hedges.tsv"), [&](const auto& f) { hedges_.push_back(util::ascii_lower(f[0])); });
  util::for_each_tsv_row(table("nonresponses.tsv"), [&](const auto& f) {
    if (f.size() < 2) return;
    non_responses_.push_back({std::string(f[0]), compile(f[1], "nonresponses.tsv")});
  });
  std::string any;
  util::for_each_tsv_row(table("anonymity.tsv"), [&](const auto& f) {
    anonymity_.push_back(compile(f[0], "anonymity.tsv"));
    any += (any.empty() ? "(?:" : "|(?:") + std::string(f[0]) + ")";
  });
  any_anonymity_ = compile(any, "anonymity.tsv");
  any.clear();
  for (const auto& p : non_responses_) any += (any.empty() ? "(?:" : "|(?:") + p.re->pattern() + ")";
  any_non_response_ = compile(any, "nonresponses.tsv");
  for (const auto& [k, v] : cues_) cue_first_words_.insert(k.substr(0, k.find(' ')));
  std::vector<std::string> prefixes;
  for (const auto& [k, v] : cues_)
    for (std::size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1))
      prefixes.push_back(k.substr(0, sp));
  for (const auto& pre : prefixes) cues_[pre].longer = true;  // as_cue stays 0 for a bare prefix
  for (const auto& h : hedges_) hedge_first_words_.insert(h.substr(0, h.find(' ')));
  auto mark = [&](const StringSet& set, std::uint32_t bit) {
    for (const auto& w : set) classes_[w] |= bit;
  };
  mark(determiners_, kDeterminerWord);
  mark(ranks_, kRankWord);
  mark(titles_, kTitleWord);
  mark(affiliations_, kAffiliationWord);
  mark(org_heads_, kOrgHeadWord);
  mark(doc_nouns_, kDocumentNounWord);
  mark(cue_first_words_, kCueStartWord);
  mark(hedge_first_words_, kHedgeStartWord);
  mark(anonymous_nouns_, kAnonymousNounWord);
  for (const auto& [w, pn] : person_nouns_) classes_[w] |= kPersonNounWord;
  static constexpr std::pair<std::string_view, WordClass> kGrammarClasses[] = {
      {"cue_modifier", kCueModifierWord},
      {"not_adverb", kNotAdverbWord},
      {"clause_opener", kClauseOpenerWord},
      {"tell_verb", kTellVerbWord},
      {"forecast_verb", kForecastVerbWord},
      {"complement_opener", kComplementOpenerWord},
      {"finite_verb", kFiniteVerbWord},
      {"postmodifier", kPostmodifierWord},
      {"coordinator", kCoordinatorWord},
      {"subject_pronoun", kSubjectPronounWord},
      {"pronoun", kPronounWord},
      {"particle", kParticleWord},
      {"adverbial_opener", kAdverbialOpenerWord},
      {"time_word", kTimeWord},
      {"intention_verb", kIntentionWord},
      {"opinion_marker", kOpinionWord},
      {"interview_word", kInterviewWord},
      {"directive_verb", kDirectiveWord},
      {"hearsay_passive", kHearsayWord},
      {"place_modifier", kPlaceModifierWord},
      {"hyphen_prefix", kHyphenPrefixWord}};
  util::for_each_tsv_row(table("grammar.tsv"), [&](const auto& f) {
    const auto it = std::find_if(std::begin(kGrammarClasses), std::end(kGrammarClasses),
                                 [&](const auto& c) { return f.size() > 1 && c.first == f[1]; });
    if (it == std::end(kGrammarClasses))
      throw std::logic_error("grammar.tsv: unknown class in line '" + std::string(f[0]) + "'");
    classes_[std::string(f[0])] |= it->second;
  });
  for (const auto& [w, n] : quantifiers_)
    if (w.find(' ') == std::string::npos) classes_[w] |= kQuantifierWord;
  for (const auto& [w, bits] : classes_)
    if (!w.empty()) class_filter_[filter_key(w)] = true;
}

Lexicon::~Lexicon() = default;

const CueEntry* Lexicon::cue(std::string_view words) const {
  auto it = cues_.find(words);
  return it == cues_.end() || it->second.as_cue == 0 ? nullptr : &it->second;
}

const PersonNoun* Lexicon::person_noun(std::string_view word) const {
  auto it = person_nouns_.find(word);
  return it == person_nouns_.end() ? nullptr : &it->second;
}

std::optional<std::optional<int>> Lexicon::quantifier(std::string_view words) const {
  auto it = quantifiers_.find(words);
  if (it == quantifiers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace claimtrail::extract
