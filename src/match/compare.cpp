#include "match/compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace claimtrail::match {

const char* to_string(Relation r) {
  switch (r) {
    case Relation::same: return "same";
    case Relation::updated: return "updated";
    case Relation::contradicted: return "contradicted";
    case Relation::different: return "different";
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
      if (w.actor && first_b.count(w.form) && first_a[w.form] == w.position) actors.push_back({w.position, first_b[w.form]});
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
  std::vector<const Number*> num_a, num_b;
  for (const Number& x : a.numbers)
    if (std::none_of(b.numbers.begin(), b.numbers.end(), [&](const Number& y) { return same_number(x.value, y.value); }))
      num_a.push_back(&x);
  for (const Number& y : b.numbers)
    if (std::none_of(a.numbers.begin(), a.numbers.end(), [&](const Number& x) { return same_number(x.value, y.value); }))
      num_b.push_back(&y);
  std::vector<const article::DateMention*> date_a, date_b;
  for (const auto& x : a.dates)
    if (std::none_of(b.dates.begin(), b.dates.end(), [&](const auto& y) { return y.value == x.value; })) date_a.push_back(&x);
  for (const auto& y : b.dates)
    if (std::none_of(a.dates.begin(), a.dates.end(), [&](const auto& x) { return y.value == x.value; })) date_b.push_back(&y);
  if (!date_a.empty() && !date_b.empty()) {
    c.relation = Relation::updated;
    c.old_value = join_dates(date_a);
    c.new_value = join_dates(date_b);
    c.why = "another date";
    return c;
  }
  if (!num_a.empty() && !num_b.empty()) {
    c.relation = Relation::updated;
    c.old_value = join_numbers(num_a);
    c.new_value = join_numbers(num_b);
    c.why = "another number";
    return c;
  }
  c.relation = Relation::same;
  c.why = "the same statement";
  return c;
}

}  // namespace claimtrail::match
