#include "match/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <unordered_map>

#include "util/ascii.hpp"
#include "util/embedded.hpp"
#include "util/tsv.hpp"

namespace claimtrail::match {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

enum class Kind { approx, above, atleast, below, atmost, vague, multiple, fraction, unit, length, mass };

struct Entry {
  Kind kind = Kind::approx;
  double a = 0, b = 0;
  std::string word;
};

struct Tables {
  std::unordered_map<std::string, std::pair<double, bool>> numbers;  // word -> value, is scale
  std::unordered_map<std::string, Entry> phrases;                    // quantities.tsv
  std::size_t longest = 1;

  Tables() {
    using claimtrail::lexicon_data::get;
    util::for_each_tsv_row(get("number_words.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      numbers[std::string(f[0])] = {std::atof(std::string(f[1]).c_str()), f.size() > 2 && f[2] == "1"};
    });
    util::for_each_tsv_row(get("quantities.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      static const std::unordered_map<std::string_view, Kind> kKinds = {
          {"approx", Kind::approx},     {"above", Kind::above},       {"atleast", Kind::atleast},
          {"below", Kind::below},       {"atmost", Kind::atmost},     {"vague", Kind::vague},
          {"multiple", Kind::multiple}, {"fraction", Kind::fraction}, {"unit", Kind::unit},
          {"length", Kind::length},     {"mass", Kind::mass}};
      auto k = kKinds.find(f[1]);
      if (k == kKinds.end()) return;
      Entry e;
      e.kind = k->second;
      if (f.size() > 2) e.a = std::atof(std::string(f[2]).c_str());
      if (f.size() > 3) {
        if (e.kind == Kind::multiple)
          e.word = std::string(f[3]);
        else
          e.b = std::atof(std::string(f[3]).c_str());
      }
      const std::string key(f[0]);
      longest = std::max<std::size_t>(longest, 1 + std::count(key.begin(), key.end(), ' '));
      phrases[key] = std::move(e);
    });
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// The longest phrase of quantities.tsv at `i`, with the number of tokens it takes.
std::pair<const Entry*, std::size_t> phrase_at(const std::vector<std::string>& t, std::size_t i) {
  const Tables& T = tables();
  std::string key;
  std::pair<const Entry*, std::size_t> best{nullptr, 0};
  for (std::size_t n = 1; n <= T.longest && i + n <= t.size(); ++n) {
    if (n > 1) key.push_back(' ');
    key += t[i + n - 1];
    auto it = T.phrases.find(key);
    if (it != T.phrases.end()) best = {&it->second, n};
  }
  return best;
}

const Entry* entry(const std::string& w, Kind kind) {
  auto it = tables().phrases.find(w);
  return it != tables().phrases.end() && it->second.kind == kind ? &it->second : nullptr;
}

bool digits(const std::string& x) {
  return !x.empty() && util::is_ascii_digit(x[0]) &&
         std::all_of(x.begin(), x.end(), [](char c) { return util::is_ascii_digit(c) || c == ',' || c == '.'; });
}

double digits_value(const std::string& x) {
  std::string clean;
  for (char c : x)
    if (c != ',') clean.push_back(c);
  return std::atof(clean.c_str());
}

// "4m", "2.5bn", "10k": digits with a scale letter.
std::optional<double> suffixed(const std::string& x) {
  static const std::pair<std::string_view, double> kSuffixes[] = {{"bn", 1e9}, {"mn", 1e6}, {"tn", 1e12},
                                                                  {"m", 1e6},  {"b", 1e9},  {"k", 1e3}};
  for (const auto& [suf, scale] : kSuffixes) {
    if (x.size() <= suf.size() || x.compare(x.size() - suf.size(), suf.size(), suf) != 0) continue;
    const std::string head = x.substr(0, x.size() - suf.size());
    if (digits(head) && util::is_ascii_digit(head.back())) return digits_value(head) * scale;
  }
  return std::nullopt;
}

bool is_scale(const std::string& w) {
  auto it = tables().numbers.find(w);
  return it != tables().numbers.end() && it->second.second;
}

// A number in digits or words from `i`: "2,500", "2.5 million", "4m", "two
// dozen", "one hundred and twenty", "a million". Sets `end` past it.
std::optional<double> read_number(const std::vector<std::string>& t, std::size_t i, std::size_t& end) {
  const Tables& T = tables();
  if (i >= t.size()) return std::nullopt;
  double total = 0, current = 0;
  std::size_t j = i;
  bool any = false;
  // "a million", "a dozen", "an hundred": one of the scale.
  if ((t[j] == "a" || t[j] == "an") && j + 1 < t.size() && is_scale(t[j + 1])) {
    current = 1;
    ++j;
    any = true;
  }
  bool last_scale = false;
  for (; j < t.size(); ++j) {
    const std::string& x = t[j];
    auto nw = T.numbers.find(x);
    const bool scale = nw != T.numbers.end() && nw->second.second;
    if (!any && digits(x)) {
      current = digits_value(x);
    } else if (!any && suffixed(x)) {
      total = *suffixed(x);
    } else if (scale && any) {
      const double s = nw->second.first;
      if (s >= 1000) {
        total += (current > 0 ? current : 1) * s;
        current = 0;
      } else {
        current = (current > 0 ? current : 1) * s;
      }
    } else if (nw != T.numbers.end() && !scale && !digits(x) && (!any || last_scale || current < 100)) {
      // "twenty five" (20 + 5), "hundred and twenty": a smaller word after a larger one only
      const double v = nw->second.first;
      if (any && !last_scale && std::fmod(current, 100) != 0 && v >= 10) break;  // "five six"
      if (any && !last_scale && std::fmod(current, 10) != 0) break;
      current += v;
    } else if (x == "and" && any && last_scale && j + 1 < t.size()) {
      auto next = T.numbers.find(t[j + 1]);
      if (next == T.numbers.end() || next->second.second || next->second.first >= 100) break;
      continue;  // "one hundred and twenty"
    } else {
      break;
    }
    any = true;
    last_scale = scale;
  }
  if (!any) return std::nullopt;
  end = j;
  return total + current;
}

std::string join(const std::vector<std::string>& t, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to && k < t.size(); ++k) {
    if (!out.empty()) out.push_back(' ');
    out += t[k];
  }
  return out;
}

// A fraction from `i`: "half", "a quarter", "two thirds", "2/3".
std::optional<double> read_fraction(const std::vector<std::string>& t, std::size_t i, std::size_t& end) {
  if (i >= t.size()) return std::nullopt;
  const std::string& x = t[i];
  if (const auto slash = x.find('/'); slash != std::string::npos) {
    const double num = std::atof(x.substr(0, slash).c_str()), den = std::atof(x.substr(slash + 1).c_str());
    if (num > 0 && den >= 2 && den <= 10 && num < den) {
      end = i + 1;
      return num / den;
    }
    return std::nullopt;
  }
  if (x == "half" && !(i > 0 && (t[i - 1] == "first" || t[i - 1] == "second" || t[i - 1] == "last"))) {
    end = i + 1;
    return 0.5;
  }
  // A numerator, then a fraction word.
  double num = 0;
  if (x == "a" || x == "an" || x == "one")
    num = 1;
  else if (auto it = tables().numbers.find(x); it != tables().numbers.end() && !it->second.second)
    num = it->second.first;
  else if (digits(x))
    num = digits_value(x);
  if (num <= 0 || num > 10 || i + 1 >= t.size()) return std::nullopt;
  const Entry* f = entry(t[i + 1], Kind::fraction);
  if (!f || num * f->a >= 1.0 + 1e-9) return std::nullopt;
  end = i + 2;
  return num * f->a;
}

void bound(Number& n, Kind kind) {
  const double v = n.value;
  switch (kind) {
    case Kind::approx:
      n.low = std::min(n.low, v * 0.95);
      n.high = std::max(n.high, v * 1.05);
      break;
    case Kind::above:
      n.low = n.high + std::max(1e-9, std::fabs(n.high) * 1e-9);
      n.high = kInf;
      break;
    case Kind::atleast:
      n.high = kInf;
      break;
    case Kind::below:
      n.high = n.low - std::max(1e-9, std::fabs(n.low) * 1e-9);
      n.low = n.unit == Unit::percent ? -kInf : 0;
      break;
    case Kind::atmost:
      n.low = n.unit == Unit::percent ? -kInf : 0;
      break;
    default:
      break;
  }
}

// A currency sign, as written or as the matcher's word for it (equivalents.tsv).
bool is_currency_sign(const std::string& w) {
  return w == "$" || w == "\xC2\xA3" || w == "\xE2\x82\xAC" || w == "\xC2\xA5" || w == "dollar" || w == "euro" ||
         w == "pound";
}

// A plain quantity (no bound word) from `i`.
std::optional<Quantity> read_plain(const std::vector<std::string>& t, std::size_t i) {
  if (i >= t.size()) return std::nullopt;
  Quantity q;
  Number& n = q.number;
  std::size_t end = i;
  if (auto [e, len] = phrase_at(t, i); e && e->kind == Kind::vague) {
    n.value = std::sqrt(e->a * e->b);
    n.low = e->a;
    n.high = e->b;
    n.vague = true;
    q.length = len;
    n.text = join(t, i, i + len);
    return q;
  } else if (e && e->kind == Kind::multiple) {
    n = exact_number(e->a, join(t, i, i + len), Unit::percent);
    q.word = e->word;
    q.length = len;
    return q;
  }
  if (auto f = read_fraction(t, i, end)) {
    // "half a million", "half a percent", "a quarter of an hour": of what follows.
    std::size_t k = end;
    if (k < t.size() && t[k] == "of") ++k;
    if (k + 1 < t.size() && (t[k] == "a" || t[k] == "an")) {
      const std::string& what = t[k + 1];
      if (is_scale(what)) {
        n = exact_number(*f * tables().numbers.at(what).first, join(t, i, k + 2));
        q.length = k + 2 - i;
        return q;
      }
      if (what == "percent") {
        n = exact_number(*f, join(t, i, k + 2), Unit::percent);
        q.length = k + 2 - i;
        return q;
      }
      if (const Entry* u = entry(what, Kind::unit)) {
        n = exact_number(*f * u->a, join(t, i, k + 2), Unit::hours);
        q.length = k + 2 - i;
        return q;
      }
    }
    // A part of a whole: a percentage, rounded as fractions are ("a third": 33 percent).
    n = exact_number(*f * 100, join(t, i, end), Unit::percent);
    n.low = n.value - 0.5;
    n.high = n.value + 0.5;
    q.length = end - i;
    return q;
  }
  // "a fortnight", "a week": one of the unit, after a preposition ("for a week").
  if ((t[i] == "a" || t[i] == "an") && i + 1 < t.size() && i > 0) {
    static const std::vector<std::string> kBefore = {"for", "by", "after", "within", "than", "in", "over", "under"};
    if (const Entry* u = entry(t[i + 1], Kind::unit);
        u && std::find(kBefore.begin(), kBefore.end(), t[i - 1]) != kBefore.end()) {
      n = exact_number(u->a, join(t, i, i + 2), Unit::hours);
      q.length = 2;
      return q;
    }
  }
  auto v = read_number(t, i, end);
  if (!v) return std::nullopt;
  n = exact_number(*v, join(t, i, end));
  if (end < t.size() && t[end] == "percent") {
    n.unit = Unit::percent;
    ++end;
  } else if (end + 1 < t.size() && t[end] == "percentage" && (t[end + 1] == "point" || t[end + 1] == "points")) {
    n.unit = Unit::percent;
    end += 2;
  } else if (end < t.size()) {
    if (const Entry* u = entry(t[end], Kind::unit)) {
      n = exact_number(*v * u->a, n.text, Unit::hours);
      if (u->a >= 700) {  // months and years are not all alike
        n.low = n.value * 0.97;
        n.high = n.value * 1.03;
      }
      ++end;
    } else if (const Entry* m = entry(t[end], Kind::length), *k = m ? nullptr : entry(t[end], Kind::mass); m || k) {
      // In metres or kilograms; a figure in one system restated in the
      // other is rounded ("6.5 metres" / "21 feet"): within 3 percent.
      n = exact_number(*v * (m ? m->a : k->a), n.text, m ? Unit::metres : Unit::kilograms);
      n.low = n.value * 0.97;
      n.high = n.value * 1.03;
      ++end;
    }
  }
  n.text = join(t, i, end);
  q.length = end - i;
  return q;
}

}  // namespace

Number exact_number(double value, std::string text, Unit unit) {
  Number n;
  n.value = n.low = n.high = value;
  n.text = std::move(text);
  n.unit = unit;
  return n;
}

std::optional<Quantity> read_quantity(const std::vector<std::string>& t, std::size_t i) {
  if (i >= t.size()) return std::nullopt;
  // "between 3 and 4 billion", "from 20 to 30 percent": a range.
  if (t[i] == "between" || t[i] == "from") {
    auto lo = read_plain(t, i + 1);
    const std::size_t mid = lo ? i + 1 + lo->length : 0;
    if (lo && !lo->number.vague && mid + 1 < t.size() && t[mid] == (t[i] == "between" ? "and" : "to")) {
      if (auto hi = read_plain(t, mid + 1); hi && !hi->number.vague) {
        Number a = lo->number, b = hi->number;
        if (a.unit == Unit::count && b.unit != Unit::count) a.unit = b.unit;
        // "3 and 4 billion": the scale of the second is the first's too.
        if (a.value > 0 && b.value / a.value >= 1000) {
          for (double s : {1e3, 1e6, 1e9, 1e12})
            if (b.value / (a.value * s) < 10) {
              a.value *= s;
              a.low *= s;
              a.high *= s;
              break;
            }
        }
        if (a.unit == b.unit && a.value < b.value) {
          Quantity q;
          q.number = exact_number((a.value + b.value) / 2, join(t, i, mid + 1 + hi->length), a.unit);
          q.number.low = a.low;
          q.number.high = b.high;
          q.length = mid + 1 + hi->length - i;
          return q;
        }
      }
    }
  }
  // A bound or an approximation, then a quantity.
  if (auto [e, len] = phrase_at(t, i);
      e && (e->kind == Kind::approx || e->kind == Kind::above || e->kind == Kind::atleast || e->kind == Kind::below ||
            e->kind == Kind::atmost)) {
    // A currency sign between the bound and its number ("more than $5 billion").
    const std::size_t sign = i + len < t.size() && is_currency_sign(t[i + len]) ? 1 : 0;
    if (auto q = read_plain(t, i + len + sign)) {
      q->length += sign;
      // "over three years", "under a week": a length of time, not a bound.
      const bool span = q->number.unit == Unit::hours && (t[i] == "over" || t[i] == "under");
      if (!q->number.vague && !span) bound(q->number, e->kind);
      q->number.text = join(t, i, i + len) + " " + q->number.text;
      q->length += len;
      return q;
    }
    return std::nullopt;
  }
  auto q = read_plain(t, i);
  if (!q) return std::nullopt;
  // "X to Y" after a number: a range.
  const std::size_t mid = i + q->length;
  if (!q->number.vague && q->word.empty() && mid + 1 < t.size() && t[mid] == "to") {
    if (auto hi = read_plain(t, mid + 1); hi && !hi->number.vague && hi->word.empty() &&
                                          hi->number.unit == q->number.unit && hi->number.value > q->number.value &&
                                          (digits(t[mid + 1]) == digits(t[i]))) {
      q->number.low = std::min(q->number.low, q->number.value);
      q->number.high = hi->number.high;
      q->number.value = (q->number.value + hi->number.value) / 2;
      q->number.text = join(t, i, mid + 1 + hi->length);
      q->length = mid + 1 + hi->length - i;
    }
  }
  return q;
}

namespace {

// Significant digits of a positive value (at most 15).
int significant_digits(double v) {
  if (!(v > 0) || !std::isfinite(v)) return 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  std::string d;
  for (const char* c = buf; *c && *c != 'e'; ++c)
    if (util::is_ascii_digit(*c)) d.push_back(*c);
  const std::size_t first = d.find_first_not_of('0');
  if (first == std::string::npos) return 0;
  const std::size_t last = d.find_last_not_of('0');
  return static_cast<int>(last - first + 1);
}

// Is `x` (an amount written with a scale word: "$69 billion") `y` rounded to
// x's two or more significant digits ("$68.7 billion")? Single digits are
// left alone: "3 billion" and "3.4 billion" are two figures.
bool rounded_from(const Number& x, const Number& y) {
  if (x.low != x.high || y.low != y.high || x.vague || y.vague || x.value <= 0 || y.value <= 0) return false;
  const std::string& t = x.text;
  const bool scaled = t.find("illion") != std::string::npos || t.ends_with("bn") || t.ends_with("m");
  if (!scaled) return false;
  const int sx = significant_digits(x.value), sy = significant_digits(y.value);
  if (sx < 2 || sx >= sy) return false;
  const double unit = std::pow(10.0, std::floor(std::log10(x.value)) - sx + 1);
  return std::fabs(x.value - y.value) <= unit / 2 * (1 + 1e-9);
}

}  // namespace

bool consistent(const Number& a, const Number& b) {
  if (a.unit != b.unit) return false;
  if (rounded_from(a, b) || rounded_from(b, a)) return true;
  const double tol = 1e-9 * std::max({1.0, std::fabs(a.value), std::fabs(b.value)});
  if (a.low > b.high + tol || b.low > a.high + tol) return false;
  // Two approximations or bounds state the same figure only when they name
  // about the same number ("more than 60,000" / "more than 80,000" differ).
  const bool loose_a = a.low != a.high && !a.vague, loose_b = b.low != b.high && !b.vague;
  // A bound met by an approximation ("more than $5 billion" / "about $6
  // billion"): the approximation lies within the bound.
  auto bound = [](const Number& n) { return std::isinf(n.high) || (n.low <= 0 && n.value > 0); };
  auto within = [&](const Number& x, const Number& y) { return x.low >= y.low - tol && x.high <= y.high + tol; };
  if (loose_a && loose_b && bound(a) != bound(b)) return bound(a) ? within(b, a) : within(a, b);
  if (loose_a && loose_b)
    return std::fabs(a.value - b.value) <= 0.05 * std::max(std::fabs(a.value), std::fabs(b.value));
  return true;
}

bool more_precise(const Number& a, const Number& b) {
  if (!consistent(a, b)) return false;
  const double wa = a.high - a.low, wb = b.high - b.low;
  return b.low >= a.low && b.high <= a.high && (wb < wa || (std::isinf(wa) && !std::isinf(wb)));
}

}  // namespace claimtrail::match
