// Times in a statement, as a fact-checker compares them: "by year-end" and
// "by Dec. 31" are one deadline, "the end of September" is Sept. 30, "in
// April" holds "April 28" (more precise), "next Tuesday" said on "Friday,
// Oct. 3" is Oct. 7, "noon" is 12:00. Unlike article::find_dates, a date
// without a year is kept (compared by month and day), a date the statement
// gives as its reporting date ("the minister said on Friday, Oct. 3") is the
// reference for its relative dates, and a bare weekday after "will" is the
// coming one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article/dates.hpp"
#include "core/analysis.hpp"

namespace claimtrail::match {

struct When {
  core::Span span;  // bytes in the statement
  std::string text;
  int year = 0;             // 0: not known (the days are then those of the reference year 2000)
  int first = 0, last = 0;  // the days it covers (article::Date day numbers); 0, 0 when only a weekday is known
  int weekday = -1;         // 0 (Sunday) to 6 when it names only a weekday
  int from_minute = -1, to_minute = -1;  // the time of day it names, if any
  bool deadline = false;                 // "by ...", "until ...", "before ...", "no later than ..."
  bool reported = false;                 // the reporting date ("said on Friday"), not a time of the claim
  bool earliest = false;  // the earliest it may be ("as soon as Sunday", "no earlier than May"): no deadline
  bool known() const { return first != 0 || weekday >= 0; }
};

// The times of `text`; relative ones resolve against `published` when it is
// valid, else against the statement's own reporting date. `future`: the
// statement speaks of what will happen (a bare weekday is the coming one).
std::vector<When> find_times(std::string_view text, const article::Date& published, bool future);

// The same month and days a year earlier (a time with a known year).
When year_before(const When& w);

enum class TimeFit {
  same,          // the same time ("by year-end" / "by Dec. 31")
  more_precise,  // b lies within a and is narrower ("in April" / "on April 28")
  less_precise,  // a lies within b
  other,         // another time
  unknown,       // cannot be compared (a bare weekday against a date)
};

TimeFit fit(const When& a, const When& b);

// The same time as day numbers of the reference year 2000 (for comparing a
// date with a year against one without).
When without_year(const When& w);

}  // namespace claimtrail::match
