#include "article/dates.hpp"

#include <re2/re2.h>

#include <array>
#include <chrono>
#include <cstdio>

#include "util/ascii.hpp"

namespace claimtrail::article {

namespace {

namespace ch = std::chrono;

int month_of(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string low = util::ascii_lower(w);
  if (low.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (low.compare(0, 3, kMonths[i]) == 0) return static_cast<int>(i) + 1;
  return 0;
}

int days_in(int y, int m) {
  return static_cast<int>(static_cast<unsigned>(
      ch::year_month_day_last{ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::last}.day()));
}

int day_number(int y, int m, int d) {
  return static_cast<int>(
      ch::sys_days{ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::day{static_cast<unsigned>(d)}}
          .time_since_epoch()
          .count());
}

Date from_day_number(int n) {
  const ch::year_month_day ymd{ch::sys_days{ch::days{n}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date add_months(const Date& d, int k) {
  int m = d.year * 12 + (d.month - 1) + k;
  return {m / 12, m % 12 + 1, 0};
}

// Year for a month (and day) written without one: the occurrence closest to
// the publication date.
int nearest_year(int month, int day, const Date& ref) {
  if (!ref.valid() || ref.month == 0) return ref.year;
  const int d = day > 0 ? day : 15;
  const int r = ref.first_day() + (ref.day > 0 ? 0 : 14);
  int best = ref.year, best_dist = 1 << 30;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    const int dist = std::abs(day_number(y, month, std::min(d, days_in(y, month))) - r);
    if (dist < best_dist) {
      best = y;
      best_dist = dist;
    }
  }
  return best;
}

bool valid_ymd(int y, int m, int d) {
  return y >= kMinYear && y <= kMaxYear && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

}  // namespace

std::string Date::iso() const {
  char buf[16];
  if (month == 0)
    std::snprintf(buf, sizeof buf, "%04d", year);
  else if (day == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int Date::first_day() const { return day_number(year, month ? month : 1, day ? day : 1); }

int Date::last_day() const {
  const int m = month ? month : 12;
  return day_number(year, m, day ? day : days_in(year, m));
}

std::optional<Date> parse_iso_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  static const RE2 re(R"((\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?)");
  std::string ms, ds;
  if (!RE2::FullMatch(s, re, &y, &ms, &ds)) return std::nullopt;
  if (!ms.empty()) m = std::stoi(ms);
  if (!ds.empty()) d = std::stoi(ds);
  if (y < kMinYear || (m && (m > 12)) || (d && (!m || !valid_ymd(y, m, d)))) return std::nullopt;
  return Date{y, m, d};
}

std::optional<Date> parse_date(std::string_view s, const std::optional<Date>& ref) {
  if (auto iso = parse_iso_date(s)) return iso;
  static const RE2 md(R"(([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?)");
  static const RE2 dm(R"((\d{1,2}) ([A-Za-z]{3,9})\.?(?:,? (\d{4}))?)");
  std::string mon, year;
  int day = 0;
  if (!RE2::FullMatch(s, md, &mon, &day, &year) && !RE2::FullMatch(s, dm, &day, &mon, &year)) return std::nullopt;
  const int m = month_of(mon);
  if (!m) return std::nullopt;
  int y = year.empty() ? (ref ? nearest_year(m, day, *ref) : 0) : std::stoi(year);
  if (!valid_ymd(y, m, day)) return std::nullopt;
  return Date{y, m, day};
}

std::optional<Date> first_on_or_after(std::string_view text, const Date& after) {
  if (!after.valid() || after.month == 0) return std::nullopt;
  const auto d = parse_date(text, after);
  if (!d || d->day == 0) return std::nullopt;
  const int from = after.first_day();
  for (int y = after.year; y <= after.year + 8 && y <= kMaxYear; ++y)
    if (valid_ymd(y, d->month, d->day) && day_number(y, d->month, d->day) >= from) return Date{y, d->month, d->day};
  return std::nullopt;
}

std::vector<DateMention> find_dates(std::string_view text, const Date& published) {
  std::vector<DateMention> out;
  constexpr std::string_view kMonth =
      R"((?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))";
  // One pattern, alternatives tried left to right at each position.
  static const RE2 re(
      "(?i:\\b(by|until|before|through|no later than|end of|by the end of|at the end of)\\s+)?"
      "(?:"
      "\\b(" +
      std::string(kMonth) +
      ")\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b"  // 2,3,4
      "|\\b(\\d{1,2})\\s+(" +
      std::string(kMonth) +
      ")(?:,?\\s+(\\d{4}))?\\b"  // 5,6,7
      "|\\b(" +
      std::string(kMonth) +
      ")\\s+(?:of\\s+)?(\\d{4})\\b"                                                                     // 8,9
      "|\\b(?:in|of|since|by|until|from|before|after|end of)\\s+((?:19|20)\\d{2})\\b"                   // 10
      "|(?i:\\b(this|next|last|previous|coming)\\s+(month|year|week))\\b"                               // 11,12
      "|(?i:\\b(today|yesterday|tomorrow|tonight))\\b"                                                  // 13
      "|(?i:\\b(days|weeks|months)\\s+ago)\\b"                                                          // 14
      "|\\b(?:on\\s+|last\\s+|next\\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b"  // 15
      ")");
  if (!re.ok()) return out;
  re2::StringPiece input(text.data(), text.size());
  std::array<re2::StringPiece, 16> g;
  std::size_t pos = 0;
  const bool have_ref = published.valid() && published.month > 0;
  while (pos < text.size() &&
         re.Match(input, pos, text.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
    const std::size_t start = static_cast<std::size_t>(g[0].data() - text.data());
    const std::size_t end = start + g[0].size();
    pos = end > start ? end : start + 1;
    auto str = [&](int i) {
      return std::string(g[static_cast<std::size_t>(i)].data(), g[static_cast<std::size_t>(i)].size());
    };
    auto has = [&](int i) {
      return g[static_cast<std::size_t>(i)].data() != nullptr && !g[static_cast<std::size_t>(i)].empty();
    };
    Date d;
    if (has(2) || has(6)) {
      const int m = month_of(has(2) ? str(2) : str(6));
      const int day = std::stoi(has(2) ? str(3) : str(5));
      const std::string y = has(2) ? str(4) : str(7);
      const int year = !y.empty() ? std::stoi(y) : (have_ref ? nearest_year(m, day, published) : 0);
      if (!valid_ymd(year, m, day)) continue;
      d = {year, m, day};
    } else if (has(8)) {
      d = {std::stoi(str(9)), month_of(str(8)), 0};
    } else if (has(10)) {
      d = {std::stoi(str(10)), 0, 0};
    } else if (!have_ref) {
      continue;
    } else if (has(11)) {
      const std::string rel = util::ascii_lower(str(11)), unit = util::ascii_lower(str(12));
      const int k = rel == "next" || rel == "coming" ? 1 : rel == "this" ? 0 : -1;
      if (unit == "month")
        d = add_months(published, k);
      else if (unit == "year")
        d = {published.year + k, 0, 0};
      else
        d = from_day_number(published.first_day() + 7 * k), d.day = 0;  // the week's month
    } else if (has(13)) {
      const std::string w = util::ascii_lower(str(13));
      const int k = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
      if (published.day == 0) continue;
      d = from_day_number(published.first_day() + k);
    } else if (has(14)) {
      const std::string unit = util::ascii_lower(str(14));
      const int back = unit == "days" ? 3 : unit == "weeks" ? 14 : 60;
      d = from_day_number(published.first_day() - back);
      d.day = 0;  // approximate: known to the month
    } else if (has(15)) {
      if (published.day == 0) continue;
      static constexpr std::array<std::string_view, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                                "Thursday", "Friday", "Saturday"};
      unsigned wd = 0;
      while (wd < 7 && kDays[wd] != std::string_view(g[15].data(), g[15].size())) ++wd;
      const int pub = published.first_day();
      const unsigned pub_wd = ch::weekday{ch::sys_days{ch::days{pub}}}.c_encoding();
      const bool next = g[0].size() >= 5 && util::ascii_lower(std::string(g[0].data(), 5)) == "next ";
      int delta = static_cast<int>(wd) - static_cast<int>(pub_wd);
      if (next)
        delta = delta <= 0 ? delta + 7 : delta;
      else if (delta > 0)
        delta -= 7;  // news speaks of the past week
      d = from_day_number(pub + delta);
    }
    if (!d.valid()) continue;
    DateMention m;
    m.span = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
    m.text = std::string(text.substr(start, end - start));
    m.value = d;
    m.deadline = has(1) || (has(10) && (util::ascii_lower(m.text).rfind("by", 0) == 0 ||
                                        util::ascii_lower(m.text).rfind("until", 0) == 0 ||
                                        util::ascii_lower(m.text).rfind("before", 0) == 0 ||
                                        util::ascii_lower(m.text).rfind("end of", 0) == 0));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace claimtrail::article
