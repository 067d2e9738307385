// The constructions of news prose the attribution finder knows, in the order
// it tries them: each a named step, so that a test can show what each one
// finds (tests/test_extract_constructions.cpp: a table of sentences per
// construction) and that switching it off loses it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace claimtrail::extract {

enum class Construction : std::uint8_t {
  // Whole paragraphs and quotations, before the sentence-by-sentence search.
  speaker_label,  // a transcript's "SMITH: ..." or a headline's "Jane Doe: ..."
  // Around one cue, tried in this order; the first that applies builds it.
  according_to,        // "according to X" before or after its content
  inverted,            // "<content>, said X"
  content_first,       // "<content>, X said" and "\"A,\" X said"
  split_quote,         // "\"A,\" X said, \"B.\""
  expectation,         // "X is expected to Y": an expectation no one holds
  shared_subject,      // "X said A and added B": a coordinated cue takes the outer source
  participle_subject,  // "X sued the company, alleging ...": a participle takes the clause's subject
  coordinated_verb,    // "X did not comment on A but said B"
  source_first,        // "X said (that) <content>": the default
  // After a cue's attribution is built.
  embedded,          // an attribution inside another's content: nested, or a sibling after a boundary
  continued_quote,   // following sentences and paragraphs of the same quotation
  more_in_sentence,  // further attributions in what the sentence's first leaves free
  floating_quote,    // a quotation paragraph with no cue, spoken by the previous paragraph's speaker
  // After the sentence-by-sentence search.
  dash_signed,  // "\"...\" ― Jane Doe, Ohio"
};

inline constexpr std::size_t kConstructionCount = 15;

struct ConstructionInfo {
  Construction id;
  std::string_view name;  // as tests and --help show it
};

inline constexpr std::array<ConstructionInfo, kConstructionCount> kConstructions = {{
    {Construction::speaker_label, "speaker-label"},
    {Construction::according_to, "according-to"},
    {Construction::inverted, "inverted"},
    {Construction::content_first, "content-first"},
    {Construction::split_quote, "split-quote"},
    {Construction::expectation, "expectation"},
    {Construction::shared_subject, "shared-subject"},
    {Construction::participle_subject, "participle-subject"},
    {Construction::coordinated_verb, "coordinated-verb"},
    {Construction::source_first, "source-first"},
    {Construction::embedded, "embedded"},
    {Construction::continued_quote, "continued-quote"},
    {Construction::more_in_sentence, "more-in-sentence"},
    {Construction::floating_quote, "floating-quote"},
    {Construction::dash_signed, "dash-signed"},
}};

// The construction called `name`, or nullopt.
inline std::optional<Construction> construction_named(std::string_view name) {
  for (const auto& c : kConstructions)
    if (c.name == name) return c.id;
  return std::nullopt;
}

// Which constructions are switched on (all, unless a test switches one off).
class ConstructionSet {
 public:
  bool on(Construction c) const { return (off_ & bit(c)) == 0; }
  void set(Construction c, bool on) { off_ = on ? off_ & ~bit(c) : off_ | bit(c); }

 private:
  static std::uint32_t bit(Construction c) { return 1u << static_cast<unsigned>(c); }
  std::uint32_t off_ = 0;
};

}  // namespace claimtrail::extract
