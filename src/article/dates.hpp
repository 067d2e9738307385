// Dates in news text, resolved against the article's publication date:
// "Sept 6", "27 September 2024", "October 2025", "by the end of 2026",
// "this month", "weeks ago", "on Friday".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.hpp"

namespace claimtrail::article {

// The years a date can have: four digits, 0001 to 9999. A date that
// arithmetic takes outside them ("next month" in December 9999) is unknown.
inline constexpr int kMinYear = 1, kMaxYear = 9999;

// A calendar date known to a year, a month or a day (month / day 0 when unknown).
struct Date {
  int year = 0, month = 0, day = 0;
  bool valid() const { return year >= kMinYear && year <= kMaxYear; }
  std::string iso() const;  // "2024", "2024-09" or "2024-09-06"
  // The first and last day the date covers, as comparable day numbers.
  int first_day() const;
  int last_day() const;
  friend bool operator==(const Date&, const Date&) = default;
};

// "2024-09-06", "2024-09", "2024"; nullopt when it is not one of those.
std::optional<Date> parse_iso_date(std::string_view s);
// Also "Sept 6, 2024", "6 September 2024", "September 6" (year from `ref`).
std::optional<Date> parse_date(std::string_view s, const std::optional<Date>& ref = std::nullopt);

// A month and day written without a year ("May 2", "2 May"), placed on the
// first such day on or after `after` (docs/status-rules.md, section 5: a later
// article's dateline when no article gives a year). nullopt when `text` is not
// a month and day, or `after` is not a valid day.
std::optional<Date> first_on_or_after(std::string_view text, const Date& after);

// The year a thread is placed in when no article of it gives one: its dates
// are relative to each other, their year unknown (a leap year, so that
// "Feb 29" has a place).
inline constexpr int kUnknownYear = 2000;

struct DateMention {
  core::Span span;        // bytes in the text
  std::string text;       // as written
  Date value;             // resolved
  bool deadline = false;  // "by ...", "until ...", "before ...", "end of ..."
};

// Every date expression in `text`, resolved against `published` when the
// expression lacks a year or is relative (skipped when `published` is invalid).
std::vector<DateMention> find_dates(std::string_view text, const Date& published);

}  // namespace claimtrail::article
