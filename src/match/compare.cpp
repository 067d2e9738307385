#include "match/compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace claimtrail::match {

const char* to_string(Relation r) {
  switch (r) {
    case Relation::same:
      return "same";
    case Relation::updated:
      return "updated";
    case Relation::contradicted:
      return "contradicted";
    case Relation::different:
      return "different";
  }
  return "different";
}

namespace {

// Score below which two statements are about different things.
constexpr double kMinScore = 0.5;

std::string join_numbers(const std::vector<const Number*>& ns) {
  std::string out;
  for (const Number* n : ns) out += (out.empty() ? "" : ", ") + n->text;
  return out;
}

std::string join_dates(const std::vector<const article::DateMention*>& ds) {
  std::string out;
  for (const auto* d : ds) out += (out.empty() ? "" : ", ") + d->text;
  return out;
}

bool same_number(double x, double y) { return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x)); }

// Each side has a number the other lacks: b updates a's number.
bool number_update(const Statement& a, const Statement& b, Comparison& c);

// The numbers of `x` that `y` lacks.
std::vector<const Number*> numbers_missing(const Statement& x, const Statement& y) {
  std::vector<const Number*> out;
  for (const Number& n : x.numbers)
    if (std::none_of(y.numbers.begin(), y.numbers.end(),
                     [&](const Number& m) { return same_number(n.value, m.value); }))
      out.push_back(&n);
  return out;
}

bool number_update(const Statement& a, const Statement& b, Comparison& c) {
  const auto num_a = numbers_missing(a, b), num_b = numbers_missing(b, a);
  if (num_a.empty() || num_b.empty()) return false;
  c.relation = Relation::updated;
  c.old_value = join_numbers(num_a);
  c.new_value = join_numbers(num_b);
  c.why = "another number";
  return true;
}

}  // namespace

Comparison compare(const Statement& a, const Statement& b) {
  Comparison c;
  std::map<std::string, int> first_a, first_b;
  for (const Word& w : a.words) first_a.emplace(w.form, w.position);
  for (const Word& w : b.words) first_b.emplace(w.form, w.position);
  std::size_t matched = 0;
  std::vector<const Word*> only_a, only_b;
  for (const auto& [form, pos] : first_a) {
    if (first_b.count(form)) ++matched;
  }
  for (const Word& w : a.words)
    if (!first_b.count(w.form)) only_a.push_back(&w);
  for (const Word& w : b.words)
    if (!first_a.count(w.form)) only_b.push_back(&w);
  const std::size_t na = first_a.size(), nb = first_b.size();
  if (matched == 0 || na == 0 || nb == 0) {
    c.why = "no words in common";
    return c;
  }
  const double containment = static_cast<double>(matched) / static_cast<double>(std::min(na, nb));
  const double dice = 2.0 * static_cast<double>(matched) / static_cast<double>(na + nb);
  c.score = 0.5 * containment + 0.5 * dice;
  if (c.score < kMinScore) {
    c.why = "too few words in common";
    return c;
  }

  // A word on each side that the other lacks: another actor, place or topic
  // ("strike at the port" / "at the airport"). A description on one side and
  // a name on the other ("our company" / "Halvard Shipping") is no change.
  if (!only_a.empty() && !only_b.empty()) {
    auto all = [](const std::vector<const Word*>& ws, auto pred) { return std::all_of(ws.begin(), ws.end(), pred); };
    auto generic = [](const Word* w) { return w->actor && !w->name; };
    auto named = [](const Word* w) { return w->name; };
    const bool description_vs_name =
        (all(only_a, generic) && all(only_b, named)) || (all(only_a, named) && all(only_b, generic));
    if (!description_vs_name) {
      c.why = "'" + only_a.front()->form + "' against '" + only_b.front()->form + "'";
      return c;
    }
  }

  // Who did what to whom: actors in the opposite order, voice unchanged.
  if (a.passive == b.passive) {
    std::vector<std::pair<int, int>> actors;  // (position in a, position in b)
    for (const Word& w : a.words)
      if (w.actor && first_b.count(w.form) && first_a[w.form] == w.position)
        actors.push_back({w.position, first_b[w.form]});
    for (std::size_t i = 0; i < actors.size(); ++i)
      for (std::size_t j = i + 1; j < actors.size(); ++j)
        if ((actors[i].first - actors[j].first) * (actors[i].second - actors[j].second) < 0) {
          c.why = "the actors are swapped";
          return c;
        }
  }

  if (a.modality != b.modality) {
    c.realizes = a.modality != Modality::realized && b.modality == Modality::realized && a.negated == b.negated;
    c.why = c.realizes ? "a prediction, now reported as done" : "a different modality (done / will / may)";
    return c;
  }
  if (a.negated != b.negated) {
    c.relation = Relation::contradicted;
    c.why = "the opposite polarity";
    return c;
  }

  // Numbers and dates: each side having one the other lacks is a change.
  std::vector<const article::DateMention*> date_a, date_b;
  for (const auto& x : a.dates)
    if (std::none_of(b.dates.begin(), b.dates.end(), [&](const auto& y) { return y.value == x.value; }))
      date_a.push_back(&x);
  for (const auto& y : b.dates)
    if (std::none_of(a.dates.begin(), a.dates.end(), [&](const auto& x) { return y.value == x.value; }))
      date_b.push_back(&y);
  if (!date_a.empty() && !date_b.empty()) {
    c.relation = Relation::updated;
    c.old_value = join_dates(date_a);
    c.new_value = join_dates(date_b);
    c.why = "another date";
    return c;
  }
  if (number_update(a, b, c)) return c;
  c.relation = Relation::same;
  c.why = "the same statement";
  return c;
}

Comparison relate(const Statement& a, const Statement& b, const WordWeight& weight) {
  Comparison c;
  std::set<std::string> fb;
  for (const Word& w : b.words) fb.insert(w.form);
  std::set<std::string> fa, shared;
  double wa = 0, ws = 0;
  for (const Word& w : a.words) {
    if (!fa.insert(w.form).second) continue;
    const double x = weight(w.form);
    wa += x;
    if (fb.count(w.form)) {
      shared.insert(w.form);
      ws += x;
    }
  }
  const double coverage = wa > 0 ? ws / wa : 0;
  c.score = coverage;
  // The main clause: the first part of a with a word in it, all in b.
  // A main clause of one word must be a predicate ("We have an agreement"),
  // not a bare subject ("Arvane, which is based in ...").
  bool main_clause = false;
  if (!a.words.empty()) {
    const int first = a.main_clause;
    std::size_t size = 0;
    bool name_only = true;
    for (const Word& w : a.words)
      if (w.clause == first) {
        ++size;
        name_only = name_only && w.actor;
      }
    const bool verb =
        std::find(a.clauses_with_verb.begin(), a.clauses_with_verb.end(), first) != a.clauses_with_verb.end();
    main_clause = size > 0 && (size >= 2 || (!name_only && verb)) &&
                  std::all_of(a.words.begin(), a.words.end(),
                              [&](const Word& w) { return w.clause != first || fb.count(w.form) > 0; });
  }
  // Dates: the same date in both, or one that b moves within the same year.
  bool same_date = false;
  const article::DateMention* moved_from = nullptr;
  const article::DateMention* moved_to = nullptr;
  for (const auto& x : a.dates)
    for (const auto& y : b.dates)
      if (x.value == y.value && x.value.month > 0) same_date = true;
  for (const auto& x : a.dates) {
    if (std::any_of(b.dates.begin(), b.dates.end(), [&](const auto& y) { return y.value == x.value; })) continue;
    for (const auto& y : b.dates) {
      if (std::any_of(a.dates.begin(), a.dates.end(), [&](const auto& z) { return z.value == y.value; })) continue;
      if (x.value.year == y.value.year && x.deadline && y.deadline) {
        moved_from = &x;
        moved_to = &y;
      }
    }
  }
  const std::size_t n = shared.size();
  const bool related = (coverage >= 0.5 && n >= 2) || (n >= 3 && coverage >= 0.4) || (n >= 4 && coverage >= 0.2) ||
                       (main_clause && n >= 1) || (same_date && n >= 2 && coverage >= 0.2) || (moved_from && n >= 2);
  if (!related) {
    c.why = "does not speak to it";
    return c;
  }
  // A negation bears on the shared part only when shared words follow it
  // ("production stopped and will not restart" does not deny "production
  // was halted").
  auto bears = [&](const Statement& s) {
    for (int at : s.negation_at)
      for (const Word& w : s.words)
        if (w.position >= at && shared.count(w.form)) return true;
    return false;
  };
  if (bears(a) != bears(b) && (coverage >= 0.3 || main_clause)) {
    c.relation = Relation::contradicted;
    c.why = "the opposite polarity";
    return c;
  }
  c.realizes = a.modality != Modality::realized && b.modality == Modality::realized;
  if (moved_from) {
    c.relation = Relation::updated;
    c.old_value = moved_from->text;
    c.new_value = moved_to->text;
    c.why = "another date";
    return c;
  }
  // A number of a that b replaces ("about 40,000" / "about 62,000").
  if (coverage >= 0.3 || main_clause) {
    if (number_update(a, b, c)) return c;
  }
  c.relation = Relation::same;
  c.why = main_clause ? "restates its main clause" : same_date ? "the same date and subject" : "restates it";
  return c;
}

}  // namespace claimtrail::match
