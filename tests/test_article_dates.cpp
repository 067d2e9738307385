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

TEST_CASE("dates stay within the years 0001 to 9999: arithmetic leaving them is an unknown date") {
  using claimtrail::article::parse_iso_date;
  // The top end: nothing resolves into year 10000.
  CHECK(first("next month", Date{9999, 12, 15}) == "(none)");
  CHECK(first("next year", Date{9999, 6, 1}) == "(none)");
  CHECK(first("the talks resume tomorrow", Date{9999, 12, 31}) == "(none)");
  CHECK(first("they meet next Monday", Date{9999, 12, 31}) == "(none)");
  CHECK(first("next week", Date{9999, 12, 30}) == "(none)");
  CHECK(first("this month", Date{9999, 12, 15}) == "9999-12");
  CHECK(first("on Jan 2", Date{9999, 12, 31}) == "(none)");  // the nearest Jan 2 is in 10000
  CHECK_FALSE(parse_date("Jan 2", Date{9999, 12, 31}));
  CHECK(parse_iso_date("9999-12-31"));
  // The bottom end: year 1 is a year like any other; year 0 is not.
  CHECK(parse_iso_date("0001-01-01"));
  CHECK(parse_iso_date("0001")->iso() == "0001");
  CHECK_FALSE(parse_iso_date("0000-06-01"));
  CHECK(first("next month", Date{1, 1, 15}) == "0001-02");
  CHECK(first("last month", Date{1, 1, 15}) == "(none)");
  CHECK(first("last year", Date{1, 6, 1}) == "(none)");
  CHECK(first("the talks ended yesterday", Date{1, 1, 1}) == "(none)");
  CHECK(first("weeks ago", Date{1, 1, 5}) == "(none)");
  CHECK(first("on Dec 30", Date{1, 1, 1}) == "(none)");  // the nearest Dec 30 is in year 0
  // Nothing ever prints as five digits.
  for (const Date& pub : {Date{9999, 12, 31}, Date{9999, 12, 0}, Date{9999, 0, 0}, Date{1, 1, 1}})
    for (const char* t : {"next month", "next year", "tomorrow", "next week", "coming year", "next Sunday", "last week",
                          "days ago", "months ago", "last year", "Dec 31", "Jan 1"})
      for (const auto& d : find_dates(t, pub)) {
        CAPTURE(t);
        CHECK(d.value.iso().size() <= 10);
        CHECK(d.value.year >= 1);
        CHECK(d.value.year <= 9999);
      }
}
