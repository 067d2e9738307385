// What each source category of SPEC section 2 means, in one table: its
// name, how people read it, whether it is named, anonymous, on the record,
// how reports colour it and what schema.org calls such an author. Every room
// asks here instead of comparing category names. Also the sourcing profile
// of a set of statements (SPEC section 3's summary), computed once.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/analysis.hpp"

namespace claimtrail::core {

struct CategoryFacts {
  SourceCategory category;
  std::string_view name;         // the SPEC name: "named_person"
  std::string_view label;        // for people: "Named person"
  bool named;                    // a person or body named in the text
  bool anonymous;                // an unnamed person or group (SPEC: anonymous)
  bool on_record;                // named person, named organisation or document
  std::string_view colour;       // in reports
  std::string_view schema_type;  // schema.org type of such an author ("" when none)
};

// Every category, in the order reports list them.
std::span<const CategoryFacts> categories();
const CategoryFacts& facts(SourceCategory c);
// The facts of the category called `name` (a SPEC name), or null.
const CategoryFacts* facts(std::string_view name);

// How statements are sourced: the top-level body attributions counted, how
// many have an explicit source, how many of those rest on anonymous sources,
// and the count per category ("none": no source).
struct SourcingProfile {
  std::size_t statements = 0;
  std::size_t with_source = 0;
  std::size_t anonymous = 0;
  std::map<std::string, std::size_t> by_category;
  // One counted statement: its source's category name ("" or none: no source).
  void add(bool has_source, std::string_view category, bool anonymous);
  // Anonymous statements among those with a source (SPEC section 3); 0 when
  // no statement has a source.
  double anonymous_share() const;
};

// The profile of an analysis: its top-level attributions outside the headline.
SourcingProfile profile(const Analysis& a);

}  // namespace claimtrail::core
