#include "core/analysis.hpp"

#include <array>
#include <utility>

namespace claimtrail::core {

namespace {
constexpr std::array<std::pair<SourceCategory, std::string_view>, 6> kCategoryNames{{
    {SourceCategory::named_person, "named_person"},
    {SourceCategory::named_organization, "named_organization"},
    {SourceCategory::unnamed_person, "unnamed_person"},
    {SourceCategory::unnamed_group, "unnamed_group"},
    {SourceCategory::document, "document"},
    {SourceCategory::unresolved, "unresolved"},
}};
}  // namespace

std::string_view to_string(SourceCategory c) {
  for (const auto& [cat, name] : kCategoryNames)
    if (cat == c) return name;
  return "unresolved";
}

std::optional<SourceCategory> parse_category(std::string_view name) {
  for (const auto& [cat, n] : kCategoryNames)
    if (n == name) return cat;
  return std::nullopt;
}

std::string_view to_string(AttributionKind k) {
  switch (k) {
    case AttributionKind::direct:
      return "direct";
    case AttributionKind::mixed:
      return "mixed";
    case AttributionKind::indirect:
      return "indirect";
    case AttributionKind::according_to:
      return "according_to";
  }
  return "indirect";
}

std::string_view to_string(NonResponseKind k) {
  switch (k) {
    case NonResponseKind::no_response:
      return "no_response";
    case NonResponseKind::declined:
      return "declined";
    case NonResponseKind::no_comment:
      return "no_comment";
  }
  return "no_response";
}

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::optional<std::string> check(const Span& s, std::string_view text) {
  auto describe = [&](std::string_view why) {
    return " span [" + std::to_string(s.start) + "," + std::to_string(s.end) + "]: " + std::string(why);
  };
  if (s.start > s.end) return describe("start after end");
  if (s.end > text.size()) return describe("past the end of the text (" + std::to_string(text.size()) + " bytes)");
  if ((s.start < text.size() && continuation_byte(text[s.start])) ||
      (s.end < text.size() && continuation_byte(text[s.end])))
    return describe("inside a UTF-8 character");
  return std::nullopt;
}

}  // namespace

namespace {

// Calls f(span, what) for every span of the analysis; `what` names it only
// when asked (building names costs more than checking).
template <class F>
void for_each_span(const Analysis& a, F f) {
  auto all = [&](const std::vector<Span>& spans, auto what) {
    for (const Span& s : spans) f(s, what);
  };
  if (a.headline) f(*a.headline, [] { return std::string("headline"); });
  if (a.dateline) f(a.dateline->span, [] { return std::string("dateline"); });
  for (std::size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& at = a.attributions[i];
    auto n = [i](const char* role) { return "attribution " + std::to_string(i + 1) + " " + role; };
    all(at.cue, [&] { return n("cue"); });
    all(at.content, [&] { return n("content"); });
    all(at.hedges, [&] { return n("hedge"); });
    if (at.source) all(at.source->spans, [&] { return n("source"); });
  }
  for (std::size_t i = 0; i < a.entities.size(); ++i)
    all(a.entities[i].mentions, [i] { return "entity " + std::to_string(i + 1) + " mention"; });
  for (std::size_t i = 0; i < a.non_responses.size(); ++i) {
    f(a.non_responses[i].span, [i] { return "non-response " + std::to_string(i + 1); });
    all(a.non_responses[i].who.spans, [i] { return "non-response " + std::to_string(i + 1) + " source"; });
  }
  for (std::size_t i = 0; i < a.source_descriptions.size(); ++i) {
    const SourceDescription& d = a.source_descriptions[i];
    auto n = [i](const char* part) { return "source description " + std::to_string(i + 1) + part; };
    f(d.span, [&] { return n(""); });
    if (d.reason) f(*d.reason, [&] { return n(" reason"); });
    for (const GroupMember& m : d.members) f(m.span, [&] { return n(" member"); });
  }
  all(a.unattributed, [] { return std::string("unattributed claim"); });
}

}  // namespace

std::optional<std::string> find_invalid_span(const Analysis& a, std::string_view text) {
  std::optional<std::string> bad;
  for_each_span(a, [&](const Span& s, const auto& what) {
    if (!bad)
      if (auto why = check(s, text)) bad = what() + *why;
  });
  return bad;
}

}  // namespace claimtrail::core
