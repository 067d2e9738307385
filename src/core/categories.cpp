#include "core/categories.hpp"

#include <array>

namespace claimtrail::core {

namespace {

constexpr std::array<CategoryFacts, 6> kFacts{{
    {SourceCategory::named_person, "named_person", "Named person", true, false, true, "#2e7d32", "Person"},
    {SourceCategory::named_organization, "named_organization", "Named organisation", true, false, true, "#1565c0",
     "Organization"},
    {SourceCategory::document, "document", "Document", false, false, true, "#6a1b9a", "CreativeWork"},
    {SourceCategory::unnamed_person, "unnamed_person", "Unnamed person", false, true, false, "#e65100", ""},
    {SourceCategory::unnamed_group, "unnamed_group", "Unnamed group", false, true, false, "#c62828", ""},
    {SourceCategory::unresolved, "unresolved", "Unresolved", false, false, false, "#616161", ""},
}};

}  // namespace

std::span<const CategoryFacts> categories() { return kFacts; }

const CategoryFacts& facts(SourceCategory c) {
  for (const auto& f : kFacts)
    if (f.category == c) return f;
  return kFacts.back();
}

const CategoryFacts* facts(std::string_view name) {
  for (const auto& f : kFacts)
    if (f.name == name) return &f;
  return nullptr;
}

void SourcingProfile::add(bool has_source, std::string_view category, bool is_anonymous) {
  ++statements;
  if (!has_source) {
    ++by_category["none"];
    return;
  }
  ++with_source;
  if (is_anonymous) ++anonymous;
  ++by_category[category.empty() ? "none" : std::string(category)];
}

double SourcingProfile::anonymous_share() const {
  return with_source ? static_cast<double>(anonymous) / static_cast<double>(with_source) : 0.0;
}

SourcingProfile profile(const Analysis& a) {
  SourcingProfile p;
  for (const auto& at : a.attributions)
    if (at.parent < 0 && !at.in_headline)
      p.add(at.source.has_value(), at.source ? to_string(at.source->category) : "", at.source && at.source->anonymous);
  return p;
}

}  // namespace claimtrail::core
