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
    case AttributionKind::direct: return "direct";
    case AttributionKind::mixed: return "mixed";
    case AttributionKind::indirect: return "indirect";
    case AttributionKind::according_to: return "according_to";
  }
  return "indirect";
}

std::string_view to_string(NonResponseKind k) {
  switch (k) {
    case NonResponseKind::no_response: return "no_response";
    case NonResponseKind::declined: return "declined";
    case NonResponseKind::no_comment: return "no_comment";
  }
  return "no_response";
}

}  // namespace claimtrail::core
