// Domain types for the result of analysing one article: attributions, their
// sources and entities, non-responses, source descriptions, hedges and
// unattributed claims. All offsets are byte offsets, half-open [start, end),
// into the analysed text. Texts are not stored here: they are sliced from the
// article when rendered, so a span can never disagree with its text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrail::core {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One or more fragments of text (a split quote has two).
using Spans = std::vector<Span>;

enum class SourceCategory {
  named_person,
  named_organization,
  unnamed_person,
  unnamed_group,
  document,
  unresolved,
};

enum class AttributionKind { direct, mixed, indirect, according_to };

enum class NonResponseKind { no_response, declined, no_comment };

std::string_view to_string(SourceCategory c);
std::string_view to_string(AttributionKind k);
std::string_view to_string(NonResponseKind k);
// Parses the SPEC name of a category; nullopt when unknown.
std::optional<SourceCategory> parse_category(std::string_view name);

// What the text says about a source (SPEC section 2). Empty strings are absent.
struct Descriptors {
  std::string affiliation;   // "U.S.", "State Department"
  std::string rank;          // "senior"
  std::string role;          // "deputy director of the water agency"
  std::optional<int> count;  // 5 for "five officials"
  std::string count_word;    // "multiple", "several" (count stays empty)
};

struct Source {
  Spans spans;
  SourceCategory category = SourceCategory::unresolved;
  bool anonymous = false;
  int entity = -1;            // index into Analysis::entities, -1 when none
  std::vector<int> entities;  // every entity the source names
  Descriptors descriptors;
};

struct Attribution {
  AttributionKind kind = AttributionKind::indirect;
  int parent = -1;  // index of the enclosing attribution, -1 at top level
  bool in_headline = false;
  Spans cue;
  std::optional<Source> source;
  Spans content;
  std::vector<Span> hedges;
};

struct Entity {
  std::string name;  // canonical name: the fullest mention
  SourceCategory category = SourceCategory::unresolved;
  std::string role;
  std::vector<Span> mentions;
};

struct NonResponse {
  Source who;
  NonResponseKind kind = NonResponseKind::no_response;
  Span span;  // the whole clause, "did not respond to a request for comment"
};

struct GroupMember {
  std::optional<int> count;
  Span span;
};

struct SourceDescription {
  int group = -1;  // entity index of the described group
  std::vector<GroupMember> members;
  std::optional<int> total;
  std::optional<Span> reason;
  Span span;  // the sentence or clause that describes the sources
};

struct Dateline {
  std::string place;
  std::string date;
  std::string outlet;
  Span span;
};

struct Analysis {
  std::optional<Span> headline;
  std::optional<Dateline> dateline;
  std::vector<Attribution> attributions;
  std::vector<Entity> entities;
  std::vector<NonResponse> non_responses;
  std::vector<SourceDescription> source_descriptions;
  std::vector<Span> unattributed;
};

// The analysis's invariant: every span has start <= end, lies inside `text`
// and starts and ends on UTF-8 character boundaries. Returns a description
// of the first span that breaks it ("attribution 3 content span [25,16]:
// start after end"), or nullopt when all hold. O(number of spans).
std::optional<std::string> find_invalid_span(const Analysis& a, std::string_view text);

}  // namespace claimtrail::core
