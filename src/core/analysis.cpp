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

std::optional<std::string> check(const Span& s, std::string_view text, const std::string& what) {
  auto describe = [&](std::string_view why) {
    return what + " span [" + std::to_string(s.start) + "," + std::to_string(s.end) + "]: " + std::string(why);
  };
  if (s.start > s.end) return describe("start after end");
  if (s.end > text.size()) return describe("past the end of the text (" + std::to_string(text.size()) + " bytes)");
  if ((s.start < text.size() && continuation_byte(text[s.start])) ||
      (s.end < text.size() && continuation_byte(text[s.end])))
    return describe("inside a UTF-8 character");
  return std::nullopt;
}

}  // namespace

std::optional<std::string> find_invalid_span(const Analysis& a, std::string_view text) {
  std::optional<std::string> bad;
  auto all = [&](const std::vector<Span>& spans, const std::string& what) {
    for (const Span& s : spans)
      if (!bad) bad = check(s, text, what);
  };
  auto one = [&](const Span& s, const std::string& what) {
    if (!bad) bad = check(s, text, what);
  };
  if (a.headline) one(*a.headline, "headline");
  if (a.dateline) one(a.dateline->span, "dateline");
  for (std::size_t i = 0; i < a.attributions.size(); ++i) {
    const Attribution& at = a.attributions[i];
    const std::string n = "attribution " + std::to_string(i + 1);
    all(at.cue, n + " cue");
    all(at.content, n + " content");
    all(at.hedges, n + " hedge");
    if (at.source) all(at.source->spans, n + " source");
  }
  for (std::size_t i = 0; i < a.entities.size(); ++i)
    all(a.entities[i].mentions, "entity " + std::to_string(i + 1) + " mention");
  for (std::size_t i = 0; i < a.non_responses.size(); ++i) {
    const std::string n = "non-response " + std::to_string(i + 1);
    one(a.non_responses[i].span, n);
    all(a.non_responses[i].who.spans, n + " source");
  }
  for (std::size_t i = 0; i < a.source_descriptions.size(); ++i) {
    const SourceDescription& d = a.source_descriptions[i];
    const std::string n = "source description " + std::to_string(i + 1);
    one(d.span, n);
    if (d.reason) one(*d.reason, n + " reason");
    for (const GroupMember& m : d.members) one(m.span, n + " member");
  }
  all(a.unattributed, "unattributed claim");
  return bad;
}

}  // namespace claimtrail::core
