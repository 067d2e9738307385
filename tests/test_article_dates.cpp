// Dates in news text, resolved against the publication date.
#include <doctest/doctest.h>

#include "article/dates.hpp"
#include "article/front_matter.hpp"

using claimtrail::article::Date;
using claimtrail::article::find_dates;
using claimtrail::article::parse_date;

namespace {
std::string first(const std::string& text, const Date& published) {
  const auto ds = find_dates(text, published);
  return ds.empty() ? std::string("(none)") : ds.front().value.iso();
}
}  // namespace

TEST_CASE("dates without a year take the one nearest the publication date") {
  const Date pub{2024, 9, 6};
  CHECK(first("talks ended on Sept 2", pub) == "2024-09-02");
  CHECK(first("the vote on 27 September", pub) == "2024-09-27");
  CHECK(first("since December 14", Date{2025, 1, 10}) == "2024-12-14");  // across the new year
  CHECK(first("by September 2025", pub) == "2025-09");
  CHECK(first("in 2003", pub) == "2003");
  CHECK(parse_date("Sept 6", Date{2024, 8, 1})->iso() == "2024-09-06");
  CHECK(parse_date("Sept 6", Date{2024, 1, 1})->iso() == "2023-09-06");  // the nearer one
  CHECK(parse_date("2024-09-06")->iso() == "2024-09-06");
  CHECK_FALSE(parse_date("2024-02-30"));
  CHECK_FALSE(parse_date("yesterday"));
}

TEST_CASE("relative dates resolve against the publication date") {
  const Date pub{2024, 9, 27};  // a Friday
  CHECK(first("could be announced this month", pub) == "2024-09");
  CHECK(first("next month", pub) == "2024-10");
  CHECK(first("last year", pub) == "2023");
  CHECK(first("the cabinet met yesterday", pub) == "2024-09-26");
  CHECK(first("the ministers met on Monday", pub) == "2024-09-23");
  CHECK(first("they will meet next Monday", pub) == "2024-09-30");
  CHECK(first("it was decided weeks ago", pub) == "2024-09");
  CHECK(first("this month", Date{}) == "(none)");  // nothing to resolve against
}

TEST_CASE("deadlines are marked") {
  const auto ds = find_dates("troops leave by September 2025 and the rest by the end of 2026", Date{2024, 9, 6});
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].deadline);
  CHECK(ds[1].deadline);
  CHECK(ds[1].value.iso() == "2026");
}

TEST_CASE("front matter: a block of key: value lines between --- lines") {
  const std::string text = "---\nOutlet: Example Wire\npublished: \"2024-09-27\"\n---\nHeadline\n\nBody.\n";
  const auto fm = claimtrail::article::read_front_matter(text);
  REQUIRE(fm.present);
  CHECK(fm.fields.at("outlet") == "Example Wire");
  CHECK(fm.fields.at("published") == "2024-09-27");
  CHECK(text.substr(fm.body_offset).rfind("Headline", 0) == 0);
  CHECK_FALSE(claimtrail::article::read_front_matter("---\nnot a field\n---\n").present);
  CHECK_FALSE(claimtrail::article::read_front_matter("---\nkey: value\n").present);  // never closed
  CHECK_FALSE(claimtrail::article::read_front_matter("Headline\n").present);
}
