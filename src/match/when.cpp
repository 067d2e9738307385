#include "match/when.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>

#include "util/ascii.hpp"

namespace claimtrail::match {

namespace {

namespace ch = std::chrono;

constexpr int kRefYear = 2000;  // the year of dates written without one (a leap year: Feb. 29 exists)

struct Tok {
  std::string low;
  std::size_t start = 0, end = 0;
  bool upper = false;
};

// Words and numbers with their byte spans; "12:00" is one token, a period
// after a word is dropped ("Oct."), an apostrophe stays inside ("year's").
std::vector<Tok> tokens(std::string_view s) {
  std::vector<Tok> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!util::is_ascii_alnum(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && (util::is_ascii_alnum(s[j]) ||
                            ((s[j] == '\'' || s[j] == ':') && j + 1 < s.size() && util::is_ascii_alnum(s[j + 1]) &&
                             (s[j] == '\'' || util::is_ascii_digit(s[j - 1])))))
      ++j;
    out.push_back({util::ascii_lower(s.substr(i, j - i)), i, j, util::is_ascii_upper(s[i])});
    i = j;
  }
  return out;
}

int month_of(const std::string& w) {
  static constexpr std::array<std::string_view, 12> kFull = {"january",   "february", "march",    "april",
                                                             "may",       "june",     "july",     "august",
                                                             "september", "october",  "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  for (std::size_t k = 0; k < 12; ++k)
    if (w == kFull[k] || w == kShort[k] || (k == 8 && w == "sept")) return static_cast<int>(k) + 1;
  return 0;
}

int weekday_of(const std::string& w) {
  static constexpr std::array<std::string_view, 7> kDays = {"sunday",   "monday", "tuesday", "wednesday",
                                                            "thursday", "friday", "saturday"};
  for (std::size_t k = 0; k < 7; ++k)
    if (w == kDays[k]) return static_cast<int>(k);
  return -1;
}

int days_in(int y, int m) {
  return static_cast<int>(static_cast<unsigned>(
      ch::year_month_day_last{ch::year{y} / ch::month{static_cast<unsigned>(m)} / ch::last}.day()));
}

int day_no(int y, int m, int d) { return article::Date{y, m, d}.first_day(); }

article::Date from_day_no(int n) {
  const ch::year_month_day ymd{ch::sys_days{ch::days{n}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int weekday_at(int day) { return static_cast<int>(ch::weekday{ch::sys_days{ch::days{day}}}.c_encoding()); }

// "3", "3rd", "21st": a day of the month.
int day_of(const std::string& w) {
  std::size_t k = 0;
  while (k < w.size() && util::is_ascii_digit(w[k])) ++k;
  if (k == 0 || k > 2) return 0;
  const std::string rest = w.substr(k);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  const int d = std::stoi(w.substr(0, k));
  return d >= 1 && d <= 31 ? d : 0;
}

int year_of(const std::string& w) {
  if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) { return util::is_ascii_digit(c); })) return 0;
  const int y = std::stoi(w);
  return y >= 1900 && y <= 2199 ? y : 0;
}

// A time of day in minutes, as a range: "noon", "12:00", "3 p.m.", "dawn".
std::optional<std::pair<int, int>> time_of_day(const std::vector<Tok>& t, std::size_t i, std::size_t& end) {
  const std::string& w = t[i].low;
  static const std::pair<std::string_view, std::pair<int, int>> kParts[] = {
      {"noon", {720, 720}},     {"midday", {720, 720}},  {"midnight", {0, 0}},       {"dawn", {240, 420}},
      {"daybreak", {240, 420}}, {"morning", {300, 719}}, {"afternoon", {721, 1079}}, {"evening", {1020, 1320}},
      {"dusk", {1020, 1260}},   {"night", {1200, 1439}}, {"tonight", {1200, 1439}}};
  for (const auto& [name, range] : kParts)
    if (w == name) {
      end = i + 1;
      return range;
    }
  const auto all_digits = [](std::string_view x) {
    return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return util::is_ascii_digit(c); });
  };
  if (const auto colon = w.find(':'); colon != std::string::npos && colon > 0 && colon <= 2 && w.size() == colon + 3 &&
                                      all_digits(std::string_view(w).substr(0, colon)) &&
                                      all_digits(std::string_view(w).substr(colon + 1))) {
    int h = std::stoi(w.substr(0, colon));
    const int m = std::stoi(w.substr(colon + 1));
    end = i + 1;
    if (end + 1 < t.size() && (t[end].low == "p" || t[end].low == "pm") && h < 12) h += 12;
    if (end < t.size() && (t[end].low == "pm" || t[end].low == "am"))
      ++end;
    else if (end + 1 < t.size() && (t[end].low == "a" || t[end].low == "p") && t[end + 1].low == "m")
      end += 2;
    if (h > 23 || m > 59) return std::nullopt;
    return std::pair{h * 60 + m, h * 60 + m};
  }
  // "3 p.m.", "11am"
  std::size_t k = 0;
  while (k < w.size() && util::is_ascii_digit(w[k])) ++k;
  if (k == 0 || k > 2) return std::nullopt;
  int h = std::stoi(w.substr(0, k));
  const std::string rest = w.substr(k);
  std::size_t e = i + 1;
  bool pm = false;
  if (rest == "am" || rest == "pm")
    pm = rest == "pm";
  else if (rest.empty() && e + 1 < t.size() && (t[e].low == "a" || t[e].low == "p") && t[e + 1].low == "m")
    pm = t[e].low == "p", e += 2;
  else if (rest.empty() && e < t.size() && (t[e].low == "am" || t[e].low == "pm"))
    pm = t[e].low == "pm", e += 1;
  else
    return std::nullopt;
  if (h < 1 || h > 12) return std::nullopt;
  h = h % 12 + (pm ? 12 : 0);
  end = e;
  return std::pair{h * 60, h * 60};
}

// What a time expression says before it is resolved.
enum class Rel { none, day, week, month, year, year_end, weekday_next, weekday_last, weekday_this };

struct Pending {
  When w;
  int month = 0, day = 0;  // for an absolute date (year in w.year)
  Rel rel = Rel::none;
  int k = 0;                   // offset of a relative date
  bool before = false;         // "before ...": the day before is the last
  bool end_of = false;         // "the end of ...": its last days
  bool relative_year = false;  // a month of "next year", "this year" or "last year"
  int year_k = 0;
};

void set_days(Pending& p, int y, int m, int d_first, int d_last) {
  const int yy = y ? y : kRefYear;
  p.w.year = y;
  p.w.first = day_no(yy, m, d_first);
  p.w.last = day_no(yy, m, std::min(d_last, days_in(yy, m)));
}

bool speech_verb(const std::string& w) {
  static const std::vector<std::string_view> kVerbs = {"said",     "says",  "announced", "told",  "stated",
                                                       "reported", "added", "confirmed", "wrote", "declared"};
  return std::find(kVerbs.begin(), kVerbs.end(), w) != kVerbs.end();
}

}  // namespace

When without_year(const When& w) {
  if (w.year == 0 || w.first == 0) return w;
  When out = w;
  auto shift = [](int day) {
    const article::Date d = from_day_no(day);
    return day_no(kRefYear, d.month, std::min(d.day, days_in(kRefYear, d.month)));
  };
  out.year = 0;
  out.first = shift(w.first);
  out.last = shift(w.last);
  if (out.last < out.first) out.last = day_no(kRefYear, 12, 31);  // across a new year: to its end
  return out;
}

When year_before(const When& w) {
  When out = w;
  if (!w.year || !w.first) return out;
  auto shift = [](int day) {
    const article::Date d = from_day_no(day);
    return day_no(d.year - 1, d.month, std::min(d.day, days_in(d.year - 1, d.month)));
  };
  out.year = w.year - 1;
  out.first = shift(w.first);
  out.last = shift(w.last);
  return out;
}

std::vector<When> find_times(std::string_view text, const article::Date& published, bool future) {
  const std::vector<Tok> t = tokens(text);
  std::vector<Pending> found;
  for (std::size_t i = 0; i < t.size();) {
    Pending p;
    std::size_t j = i;
    // A deadline or a preposition.
    auto at = [&](std::size_t k, std::string_view w) { return k < t.size() && t[k].low == w; };
    if (at(j, "by") || at(j, "until") || at(j, "till") || at(j, "through")) {
      p.w.deadline = true;
      ++j;
    } else if (at(j, "before")) {
      p.w.deadline = p.before = true;
      ++j;
    } else if ((at(j, "no") || at(j, "not")) && at(j + 1, "later") && at(j + 2, "than")) {
      p.w.deadline = true;
      j += 3;
    } else if (at(j, "in") || at(j, "on") || at(j, "at") || at(j, "during") || at(j, "since") || at(j, "from") ||
               at(j, "after") || at(j, "of") || at(j, "into") || at(j, "to")) {
      ++j;
    }
    const bool prep = j > i;
    if (at(j, "the")) ++j;
    std::size_t end = j;
    bool ok = false;
    // "the end of", "the middle of", "the last day of", "the first half of" ...
    int part = 0;  // 1 end, 2 middle, 3 early/beginning, 4 last day, 5 first day, 6 first half, 7 second half
    if ((at(j, "end") || at(j, "close")) && at(j + 1, "of"))
      part = 1, j += 2;
    else if ((at(j, "middle") && at(j + 1, "of")) || (at(j, "mid") && !at(j + 1, "of")))
      part = 2, j += at(j, "mid") ? 1 : 2;
    else if ((at(j, "beginning") || at(j, "start")) && at(j + 1, "of"))
      part = 3, j += 2;
    else if (at(j, "early"))
      part = 3, j += 1;
    else if (at(j, "late"))
      part = 1, j += 1;
    else if (at(j, "last") && at(j + 1, "day") && at(j + 2, "of"))
      part = 4, j += 3;
    else if (at(j, "first") && at(j + 1, "day") && at(j + 2, "of"))
      part = 5, j += 3;
    else if ((at(j, "first") || at(j, "second")) && at(j + 1, "half") && at(j + 2, "of"))
      part = at(j, "first") ? 6 : 7, j += 3;
    if (part && at(j, "the")) ++j;
    const int wd = j < t.size() ? weekday_of(t[j].low) : -1;
    const int mon = j < t.size() ? month_of(t[j].low) : 0;
    const int dnum = j < t.size() ? day_of(t[j].low) : 0;
    if ((at(j, "year") && at(j + 1, "end")) || (at(j, "end") && at(j + 1, "year"))) {
      p.rel = Rel::year_end;  // "year-end", "end-year"
      end = j + 2;
      ok = true;
    } else if (part == 1 && (at(j, "year") || ((at(j, "this") || at(j, "next")) && at(j + 1, "year")))) {
      p.rel = Rel::year_end;
      p.k = at(j, "next") ? 1 : 0;
      end = at(j, "year") ? j + 1 : j + 2;
      ok = true;
    } else if (at(j, "christmas")) {
      p.month = 12, p.day = at(j + 1, "eve") ? 24 : 25;
      end = j + 1 + (at(j + 1, "eve") || at(j + 1, "day"));
      ok = true;
    } else if (at(j, "new") && (at(j + 1, "year's") || at(j + 1, "year")) && (at(j + 2, "day") || at(j + 2, "eve"))) {
      const bool eve = at(j + 2, "eve");
      p.month = eve ? 12 : 1, p.day = eve ? 31 : 1;
      end = j + 3;
      if (end < t.size() && year_of(t[end].low)) p.w.year = year_of(t[end].low), ++end;
      ok = true;
    } else if (wd >= 0 && !part) {
      p.w.weekday = wd;
      end = j + 1;
      // "Tuesday, Oct. 7": the weekday of a date.
      if (end < t.size() && month_of(t[end].low) && end + 1 < t.size() && day_of(t[end + 1].low)) {
        p.month = month_of(t[end].low), p.day = day_of(t[end + 1].low);
        end += 2;
        if (end < t.size() && year_of(t[end].low)) p.w.year = year_of(t[end].low), ++end;
      }
      if (i > 0 && (t[i - 1].low == "next" || t[i - 1].low == "last" || t[i - 1].low == "this") && !prep) {
        p.rel = t[i - 1].low == "next"   ? Rel::weekday_next
                : t[i - 1].low == "last" ? Rel::weekday_last
                                         : Rel::weekday_this;
      }
      ok = true;
    } else if ((at(j, "next") || at(j, "last") || at(j, "this") || at(j, "coming")) && j + 1 < t.size() &&
               weekday_of(t[j + 1].low) >= 0) {
      p.w.weekday = weekday_of(t[j + 1].low);
      p.rel = at(j, "last") ? Rel::weekday_last : at(j, "this") ? Rel::weekday_this : Rel::weekday_next;
      end = j + 2;
      ok = true;
    } else if ((at(j, "next") || at(j, "last") || at(j, "this") || at(j, "coming")) &&
               (at(j + 1, "week") || at(j + 1, "month") || at(j + 1, "year"))) {
      p.rel = at(j + 1, "week") ? Rel::week : at(j + 1, "month") ? Rel::month : Rel::year;
      p.k = at(j, "last") ? -1 : at(j, "this") ? 0 : 1;
      end = j + 2;
      ok = true;
    } else if (at(j, "today") || at(j, "tomorrow") || at(j, "yesterday") || at(j, "tonight")) {
      p.rel = Rel::day;
      p.k = at(j, "tomorrow") ? 1 : at(j, "yesterday") ? -1 : 0;
      end = j + 1;
      ok = true;
    } else if (mon && !(t[j].low == "may" && !t[j].upper) && !(t[j].low == "march" && !t[j].upper)) {
      p.month = mon;
      end = j + 1;
      if (end < t.size() && day_of(t[end].low)) p.day = day_of(t[end].low), ++end;
      if (at(end, "of") && end + 1 < t.size() && year_of(t[end + 1].low)) ++end;
      if (end < t.size() && year_of(t[end].low)) p.w.year = year_of(t[end].low), ++end;
      // "September next year": a month of a year relative to the reference.
      if (!p.w.year && (at(end, "next") || at(end, "this") || at(end, "last")) && at(end + 1, "year")) {
        p.year_k = at(end, "next") ? 1 : at(end, "last") ? -1 : 0;
        p.relative_year = true;
        end += 2;
      }
      // A month alone needs a preposition or a part ("in May", "late March").
      ok = p.day || p.w.year || prep || part;
    } else if (dnum && ((end = j + 1 + at(j + 1, "of")) < t.size()) && month_of(t[end].low)) {
      p.month = month_of(t[end].low), p.day = dnum;
      ++end;
      if (end < t.size() && year_of(t[end].low)) p.w.year = year_of(t[end].low), ++end;
      ok = true;
    } else if (j < t.size() && year_of(t[j].low) && (prep || part)) {
      p.w.year = year_of(t[j].low);
      end = j + 1;
      ok = true;
    }
    if (ok && part && p.month == 0 && p.w.year && p.rel == Rel::none) {
      // A part of a year: "the end of 2026", "the first half of 2027".
      if (part == 1)
        p.rel = Rel::year_end, p.k = 0;
      else if (part == 6 || part == 7)
        p.month = part == 6 ? 1 : 7;
    }
    std::size_t tod_end = 0;
    std::optional<std::pair<int, int>> tod;
    if (!ok && j < t.size() && (tod = time_of_day(t, j, tod_end))) {
      p.w.from_minute = tod->first, p.w.to_minute = tod->second;
      end = tod_end;
      ok = true;
    } else if (ok && end < t.size() && (tod = time_of_day(t, end, tod_end))) {  // "Tuesday evening"
      p.w.from_minute = tod->first, p.w.to_minute = tod->second;
      end = tod_end;
    }
    if (!ok) {
      ++i;
      continue;
    }
    // Days of an absolute date (or a month, a year, a part of one).
    if (p.month && p.rel == Rel::none) {
      const int y = p.w.year;
      const int yy = y ? y : kRefYear;
      if (p.day)
        set_days(p, y, p.month, p.day, p.day);
      else if (part == 6 || part == 7) {
        p.w.year = y;
        p.w.first = day_no(yy, p.month, 1);
        p.w.last = day_no(yy, p.month + 5, days_in(yy, p.month + 5));
      } else if (part == 1)
        set_days(p, y, p.month, days_in(yy, p.month) - 9, 31);
      else if (part == 2)
        set_days(p, y, p.month, 11, 20);
      else if (part == 3)
        set_days(p, y, p.month, 1, 10);
      else if (part == 4)
        set_days(p, y, p.month, 31, 31);
      else if (part == 5)
        set_days(p, y, p.month, 1, 1);
      else
        set_days(p, y, p.month, 1, 31);
      if (p.w.deadline && part == 1) p.w.first = p.w.last;  // "by the end of September": Sept. 30
    } else if (p.w.year && p.rel == Rel::none && !p.month) {
      p.w.first = day_no(p.w.year, 1, 1);
      p.w.last = day_no(p.w.year, 12, 31);
    }
    p.w.span = {static_cast<std::uint32_t>(t[i].start), static_cast<std::uint32_t>(t[end - 1].end)};
    // Its text: from a deadline's word ("by June 2026"), else after the preposition ("June 2025").
    const std::size_t from = prep && !p.w.deadline && i + 1 < end ? i + 1 : i;
    p.w.text = std::string(text.substr(t[from].start, t[end - 1].end - t[from].start));
    // The reporting date: right after a verb of speech ("said on Friday").
    p.w.reported = i > 0 && speech_verb(t[i - 1].low);
    // The earliest time: "as soon as", "as early as", "no earlier than", "not before".
    auto before_is = [&](std::initializer_list<std::string_view> ws) {
      if (i < ws.size()) return false;
      std::size_t k = i - ws.size();
      for (std::string_view w : ws)
        if (t[k++].low != w) return false;
      return true;
    };
    // "will not reopen until May", "won't close before 2027": the earliest day too.
    auto negated_before = [&] {
      for (std::size_t k = i; k > 0 && k + 6 > i; --k) {
        const std::string_view w = t[k - 1].low;
        if (w == "," || w == ";" || w == "and" || w == "but") return false;
        if (w == "not" || w == "never" || w == "no" || (w.size() > 3 && w.substr(w.size() - 3) == "n't")) return true;
      }
      return false;
    };
    const bool until = at(i, "until") || at(i, "till") || at(i, "before");
    if (before_is({"as", "soon", "as"}) || before_is({"as", "early", "as"}) || before_is({"earlier", "than"}) ||
        (until && negated_before())) {
      p.w.earliest = true;
      p.w.deadline = false;
    }
    found.push_back(std::move(p));
    i = end;
  }
  // Merge a time of day with the date beside it ("at noon on Monday").
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    When& a = found[k].w;
    When& b = found[k + 1].w;
    const bool a_tod = !a.known() && a.from_minute >= 0 && found[k].rel == Rel::none;
    if (a_tod && b.from_minute < 0 && b.span.start <= a.span.end + 4) {
      b.from_minute = a.from_minute, b.to_minute = a.to_minute;
      b.text = std::string(text.substr(a.span.end - a.text.size(), b.span.end - (a.span.end - a.text.size())));
      b.span.start = a.span.start;
      found.erase(found.begin() + static_cast<std::ptrdiff_t>(k));
      --k;
    }
  }
  // A part of the day alone ("dawn", "the evening") is a word, not a time;
  // a clock time ("12:00", "3 p.m.") stays.
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const Pending& p) {
                               return !p.w.known() && p.rel == Rel::none &&
                                      p.w.text.find_first_of("0123456789") == std::string::npos;
                             }),
              found.end());
  // The reference: the publication date, else the reporting date.
  int ref = 0, ref_year = 0, ref_weekday = -1;
  if (published.valid() && published.month > 0) {
    ref_year = published.year;
    ref = published.day ? published.first_day() : day_no(published.year, published.month, 15);
    if (published.day) ref_weekday = weekday_at(ref);
  } else {
    for (const Pending& p : found)
      if (p.w.reported && p.w.first && p.w.first == p.w.last) {
        ref = p.w.first, ref_year = p.w.year;
        ref_weekday = p.w.weekday >= 0 ? p.w.weekday : (p.w.year ? weekday_at(ref) : -1);
      }
  }
  std::vector<When> out;
  for (Pending& p : found) {
    When& w = p.w;
    // A month of a relative year ("September next year"), when the reference has a year.
    if (p.relative_year && ref_year && w.first) {
      const article::Date f = from_day_no(w.first), l = from_day_no(w.last);
      const int y = ref_year + p.year_k;
      w.year = y;
      w.first = day_no(y, f.month, std::min(f.day, days_in(y, f.month)));
      w.last = day_no(y, l.month, std::min(l.day, days_in(y, l.month)));
    }
    // A date without a year, with a year known from the publication: the nearest.
    if (!w.year && w.first && !p.relative_year && published.valid() && published.month > 0) {
      const article::Date f = from_day_no(w.first), l = from_day_no(w.last);
      int best = published.year, dist = 1 << 30;
      for (int y = published.year - 1; y <= published.year + 1; ++y) {
        const int d = std::abs(day_no(y, f.month, std::min(f.day, days_in(y, f.month))) - ref);
        if (d < dist) best = y, dist = d;
      }
      w.year = best;
      w.first = day_no(best, f.month, std::min(f.day, days_in(best, f.month)));
      w.last = day_no(best + (l.month < f.month ? 1 : 0), l.month, std::min(l.day, days_in(best, l.month)));
    }
    const bool have_ref = ref != 0;
    const int ry = ref_year ? ref_year : kRefYear;
    const article::Date rd = have_ref ? from_day_no(ref) : article::Date{};
    switch (p.rel) {
      case Rel::none:
        break;
      case Rel::day:
        if (have_ref) w.first = w.last = ref + p.k, w.year = ref_year;
        break;
      case Rel::week:
        if (have_ref && ref_weekday >= 0) {
          const int monday = ref - (ref_weekday + 6) % 7 + 7 * p.k;
          w.first = monday, w.last = monday + 6, w.year = ref_year;
        }
        break;
      case Rel::month:
        if (have_ref) {
          int m = rd.month - 1 + p.k, y = ry;
          if (m < 0) m += 12, --y;
          if (m > 11) m -= 12, ++y;
          w.year = ref_year ? y : 0;
          w.first = day_no(y, m + 1, 1);
          w.last = day_no(y, m + 1, days_in(y, m + 1));
        }
        break;
      case Rel::year:
        if (ref_year) w.year = ref_year + p.k, w.first = day_no(w.year, 1, 1), w.last = day_no(w.year, 12, 31);
        break;
      case Rel::year_end: {
        const int y = w.year ? w.year : ref_year ? ref_year + p.k : 0;
        w.year = y;
        const int yy = y ? y : kRefYear;
        w.last = day_no(yy, 12, 31);
        w.first = w.deadline ? w.last : day_no(yy, 12, 1);
        break;
      }
      case Rel::weekday_next:
      case Rel::weekday_last:
      case Rel::weekday_this:
        break;
    }
    // A weekday: resolved against the reference when its weekday is known.
    if (w.weekday >= 0 && !w.first && have_ref && ref_weekday >= 0) {
      int delta = w.weekday - ref_weekday;
      if (p.rel == Rel::weekday_next || ((future || p.rel == Rel::weekday_this) && p.rel != Rel::weekday_last))
        delta = delta < 0 || (delta == 0 && p.rel == Rel::weekday_next) ? delta + 7 : delta;
      else if (delta > 0)
        delta -= 7;
      w.first = w.last = ref + delta;
      w.year = ref_year;
      w.weekday = -1;
    } else if (w.first) {
      w.weekday = -1;
    }
    if (p.before && w.first) w.last = w.first - 1, w.first = w.last;
    if (w.deadline && w.first) w.first = w.last;    // a deadline is its last day
    if (!w.known() && w.from_minute < 0) continue;  // a relative date without a reference
    out.push_back(std::move(w));
  }
  return out;
}

TimeFit fit(const When& a0, const When& b0) {
  if (a0.reported || b0.reported) return TimeFit::unknown;
  When a = a0.year && b0.year ? a0 : without_year(a0);
  When b = a0.year && b0.year ? b0 : without_year(b0);
  auto minutes = [&]() {
    if (a.from_minute < 0 || b.from_minute < 0) return TimeFit::same;
    if (a.from_minute == b.from_minute && a.to_minute == b.to_minute) return TimeFit::same;
    if (a.from_minute <= b.to_minute && b.from_minute <= a.to_minute) return TimeFit::unknown;
    return TimeFit::other;
  };
  if (!a.known() || !b.known()) return !a.known() && !b.known() ? minutes() : TimeFit::unknown;
  if (a.weekday >= 0 || b.weekday >= 0) {
    if (a.weekday < 0 || b.weekday < 0) return TimeFit::unknown;
    return a.weekday == b.weekday ? minutes() : TimeFit::other;
  }
  // Without years, a date half a year before a deadline is the next year's ("before Christmas" / "Jan. 12").
  if (!a.year && !b.year) {
    if (b.last < a.last - 183) b.first += 366, b.last += 366;
    if (a.last < b.last - 183) a.first += 366, a.last += 366;
  }
  if (a.deadline && b.deadline) return a.last == b.last ? TimeFit::same : TimeFit::other;
  if (a.deadline) return b.last <= a.last ? TimeFit::more_precise : TimeFit::other;
  if (b.deadline) return a.last <= b.last ? TimeFit::less_precise : TimeFit::other;
  if (a.first == b.first && a.last == b.last) return minutes();
  if (b.first >= a.first && b.last <= a.last) return TimeFit::more_precise;
  if (a.first >= b.first && a.last <= b.last) return TimeFit::less_precise;
  return TimeFit::other;
}

}  // namespace claimtrail::match
