// Scoring predicted attributions against gold, with exactly the semantics of
// ../shared/tools/score_polnear.py (its docstring is the manual; SPEC section
// 4 names the figures that matter). Everything is in code points over one
// article's text; figures add up over articles with Scores::operator+=.
//
// What is implemented: span level exact, exact-trim, overlap and char per role;
// attribution level attr, +source, +source-exact, +cue+source; the matched
// pair statistics; recall by quotation type (direct / mixed / indirect). Not
// implemented: the reference's token figures and its --direct-only mode.
//
// Plus one thing the reference does not do: source category accuracy against
// a table of hand-labelled gold source spans (score_categories).
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.hpp"
#include "eval/brat.hpp"

namespace claimtrail::eval {

// Python's str.isspace(): ASCII white space and separators, U+001C..U+001F,
// U+0085, U+00A0 (no-break space), U+1680, U+2000..U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000. (U+200B and U+FEFF are not white space.)
bool is_space(char32_t c);

// A normalised span: fragments inside the text, each trimmed of white space,
// sorted, and merged where they overlap, touch or are separated only by white
// space. Empty means absent.
using Span = std::vector<Fragment>;

// Normalises raw fragments for `text` (see Span). Never fails: out-of-range,
// reversed and empty fragments are clipped or dropped.
Span normalise(const Fragments& fragments, std::u32string_view text);

// Trims white space, quotation marks and . , ; : ! ? … ( ) [ ] - – — from both
// ends of a normalised span (from the first fragment's start and the last
// fragment's end only). A span made only of such characters is returned as it
// is, so a ":" cue stays a ":" cue.
Span trim_punct(const Span& span, std::u32string_view text);

// How a gold content is quoted, by the reference's text rule.
enum class QuoteType { direct, mixed, indirect };
inline constexpr std::array kQuoteTypes{QuoteType::direct, QuoteType::mixed, QuoteType::indirect};
std::string_view to_string(QuoteType q);

// Classifies a normalised content span: direct when it opens and closes with
// matching quotation marks (inside the span or just outside it, ignoring
// trailing . , ; : ! ? …), mixed when it contains a pair of quotation marks,
// else indirect. An empty span is indirect.
QuoteType classify(const Span& content, std::u32string_view text);

// Precision / recall counts: tp_pred of n_pred predictions are correct and
// tp_gold of n_gold gold items are found (equal to tp_pred for one-to-one
// figures; they differ for "overlap").
struct Counts {
  long tp_pred = 0;
  long n_pred = 0;
  long tp_gold = 0;
  long n_gold = 0;

  // tp_pred / n_pred; nullopt when nothing was predicted.
  std::optional<double> precision() const;
  // tp_gold / n_gold; nullopt when there is no gold.
  std::optional<double> recall() const;
  // Harmonic mean; 0 when either is undefined or 0, nullopt when both are undefined.
  std::optional<double> f1() const;
  Counts& operator+=(const Counts& o);
};

enum class Role { cue, source, content };
inline constexpr std::array kRoles{Role::cue, Role::source, Role::content};
std::string_view to_string(Role r);

// Span-level figures. `chars` is the reference's "char".
enum class SpanMetric { exact, exact_trim, overlap, chars };
inline constexpr std::array kSpanMetrics{SpanMetric::exact, SpanMetric::exact_trim, SpanMetric::overlap,
                                         SpanMetric::chars};
// The reference's names: "exact", "exact-trim", "overlap", "char".
std::string_view to_string(SpanMetric m);

// Attribution-level figures.
enum class AttrMetric { attr, source, source_exact, cue_source };
inline constexpr std::array kAttrMetrics{AttrMetric::attr, AttrMetric::source, AttrMetric::source_exact,
                                         AttrMetric::cue_source};
// The reference's names: "attr", "+source", "+source-exact", "+cue+source".
std::string_view to_string(AttrMetric m);

// Statistics over the matched (gold, predicted) attribution pairs; the keys of
// the reference's "pairs" object.
struct PairStats {
  long pairs = 0;
  long content_exact = 0;
  long content_exact_trim = 0;
  long gold_has_cue = 0;
  long cue_overlap = 0;
  long gold_has_source = 0;
  long source_overlap = 0;
  long source_exact_trim = 0;
  PairStats& operator+=(const PairStats& o);
};

// Per quotation type of the gold attributions (with a content): how many, and
// how many were matched (attr), matched with the source right (+source), and
// matched with the content exact-trim.
struct GroupStats {
  long n = 0;
  long attr = 0;
  long source = 0;
  long content_exact_trim = 0;
  GroupStats& operator+=(const GroupStats& o);
};

// Everything score_document() counts.
struct Scores {
  std::array<std::array<Counts, kSpanMetrics.size()>, kRoles.size()> span{};
  std::array<Counts, kAttrMetrics.size()> attribution{};
  PairStats pairs;
  std::array<GroupStats, kQuoteTypes.size()> groups{};
  long gold_attributions = 0;        // all gold attributions
  long pred_attributions = 0;        // all predicted attributions
  long gold_ignored_no_content = 0;  // left out at attribution level (no content)
  long pred_ignored_no_content = 0;

  const Counts& at(Role r, SpanMetric m) const;
  const Counts& at(AttrMetric m) const;
  const GroupStats& group(QuoteType q) const;
  Scores& operator+=(const Scores& o);
};

// Scores one article's predictions against its gold (reference semantics):
// span level over each role's de-duplicated normalised spans; attribution
// level over attributions with a content, matched one to one, greedily by
// (shared content characters, shared source characters, shared cue
// characters), largest first, ties to the earlier gold then the earlier
// prediction (white space never counts as a shared character).
Scores score_document(std::u32string_view text, const std::vector<Attribution>& gold,
                      const std::vector<Attribution>& pred);

// A hand-labelled gold source mention: its extent in code points (a
// discontinuous source is labelled from its first start to its last end).
struct SourceLabel {
  Fragment extent;
  core::SourceCategory category = core::SourceCategory::unresolved;
  bool anonymous = false;
};

// Source category and anonymity accuracy over labelled gold sources.
struct CategoryScores {
  long labelled = 0;           // labelled gold sources
  long matched = 0;            // ... that a predicted source was matched to
  long matched_exact = 0;      // ... of which by exact-trim extent
  long category_correct = 0;   // matched with the predicted category equal to the label
  long anonymous_correct = 0;  // matched with the predicted anonymous flag equal to the label
  // confusion[gold][predicted]; a prediction without a category counts under nullopt.
  std::map<core::SourceCategory, std::map<std::optional<core::SourceCategory>, long>> confusion;

  // category_correct / matched; nullopt when nothing matched.
  std::optional<double> category_accuracy() const;
  // anonymous_correct / matched; nullopt when nothing matched.
  std::optional<double> anonymous_accuracy() const;
  CategoryScores& operator+=(const CategoryScores& o);
};

// Matches the predicted sources of one article (attributions with a non-empty
// source) to its labelled gold sources, one to one: first every pair whose
// trimmed extents (trim_punct of the normalised span, first start to last
// end) are equal, then, among those left, by the number of shared non-space
// characters, largest first (ties to the earlier label, then the earlier
// prediction). Each matched label counts once, whatever the number of
// predictions sharing that source. A missing predicted flag counts as wrong.
CategoryScores score_categories(std::u32string_view text, const std::vector<SourceLabel>& labels,
                                const std::vector<Attribution>& pred);

}  // namespace claimtrail::eval
