#include "match/compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "util/embedded.hpp"
#include "util/tsv.hpp"

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

const char* to_string(Timing t) {
  switch (t) {
    case Timing::none:
      return "none";
    case Timing::in_time:
      return "in time";
    case Timing::late:
      return "late";
    case Timing::not_done:
      return "not done";
    case Timing::open:
      return "open";
  }
  return "none";
}

namespace {

// Score below which two statements are about different things.
constexpr double kMinScore = 0.5;
constexpr double kRestatedCoverage = 0.5;  // the least weighted share of a claim a restatement says

// The antonym table, each word in the matcher's canonical form.
struct AntonymTable {
  std::set<std::pair<std::string, std::string>> pairs;
  AntonymTable() {
    auto form = [](std::string_view w) -> std::string {
      const Statement s = analyse_statement(w);
      return s.words.size() == 1 && !s.negated ? s.words.front().form : std::string();
    };
    util::for_each_tsv_row(claimtrail::lexicon_data::get("antonyms.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      const std::string x = form(f[0]), y = form(f[1]);
      if (x.empty() || y.empty() || x == y) return;
      pairs.insert({x, y});
      pairs.insert({y, x});
    });
  }
};

const AntonymTable& antonym_table() {
  static const AntonymTable t;
  return t;
}

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

std::string join_times(const std::vector<const When*>& ts) {
  std::string out;
  for (const auto* t : ts) out += (out.empty() ? "" : ", ") + t->text;
  return out;
}

// The numbers of `x` that no number of `y` is consistent with.
std::vector<const Number*> numbers_missing(const Statement& x, const Statement& y) {
  std::vector<const Number*> out;
  for (const Number& n : x.numbers)
    if (std::none_of(y.numbers.begin(), y.numbers.end(), [&](const Number& m) { return consistent(n, m); }))
      out.push_back(&n);
  return out;
}

// Each side has a number the other lacks: b updates a's number (true,
// `updated`), unless no two are of one size: other quantities (true,
// `different`). Else, b states one of a's numbers more precisely ("more
// than 60,000" / "62,000").
bool number_update(const Statement& a, const Statement& b, Comparison& c) {
  auto num_a = numbers_missing(a, b), num_b = numbers_missing(b, a);
  // Another figure of the same kind: a share does not replace a length of
  // time ("owns 37 percent" / "eight years later").
  auto same_kind = [](std::vector<const Number*>& xs, const std::vector<const Number*>& ys) {
    std::erase_if(xs, [&](const Number* x) {
      return std::none_of(ys.begin(), ys.end(), [&](const Number* y) { return y->unit == x->unit; });
    });
  };
  const auto num_a_all = num_a;
  same_kind(num_a, num_b);
  same_kind(num_b, num_a_all);
  // Of one size too: a price of $54.20 a share is no total of $6.9 billion
  // (figures fifty times apart or more are other quantities).
  auto comparable = [](const Number* x, const Number* y) {
    const double lo = std::min(std::fabs(x->value), std::fabs(y->value));
    const double hi = std::max(std::fabs(x->value), std::fabs(y->value));
    return x->unit != Unit::count || lo == 0 || hi / lo < 50;
  };
  if (!num_a.empty() && !num_b.empty() && std::none_of(num_a.begin(), num_a.end(), [&](const Number* x) {
        return std::any_of(num_b.begin(), num_b.end(), [&](const Number* y) { return comparable(x, y); });
      })) {
    // Neither the same figure nor another of it: about other things.
    c.relation = Relation::different;
    c.old_value = join_numbers(num_a);
    c.new_value = join_numbers(num_b);
    c.why = "other quantities";
    return true;
  }
  if (num_a.empty() || num_b.empty()) {
    for (const Number& n : a.numbers)
      for (const Number& m : b.numbers)
        if (more_precise(n, m) && !c.more_precise) {
          c.more_precise = true;
          // An approximation given exactly as another figure ("about 3,000"
          // / "2,950"); not a bound met ("at least 11" / "11"), a vague
          // quantity ("thousands" / "62,000") or the same value in other
          // words ("about 500 million" / "half a billion").
          c.refined_figure = !n.vague && n.low < n.value && n.value < n.high && m.low == m.high && m.value != n.value;
          c.old_value = n.text;
          c.new_value = m.text;
        }
    return false;
  }
  c.relation = Relation::updated;
  c.old_value = join_numbers(num_a);
  c.new_value = join_numbers(num_b);
  c.why = "another number";
  return true;
}

// The times of a statement that speak of the claim (not its reporting date).
std::vector<const When*> claim_times(const Statement& s) {
  std::vector<const When*> out;
  for (const When& w : s.times)
    if (!w.reported) out.push_back(&w);
  return out;
}

// Each side has a time the other contradicts: b updates a's time. Else, b
// may state a's time more precisely ("in April" / "on April 28").
bool time_update(const Statement& a, const Statement& b, Comparison& c) {
  const auto ta = claim_times(a), tb = claim_times(b);
  std::vector<const When*> moved_a, moved_b;
  for (const When* x : ta) {
    bool fits = false, other = false;
    for (const When* y : tb) {
      const TimeFit f = fit(*x, *y);
      if (f == TimeFit::other)
        other = true;
      else if (f != TimeFit::unknown)
        fits = true;
      if (f == TimeFit::more_precise && !c.more_precise) {
        c.more_precise = true;
        c.old_value = x->text;
        c.new_value = y->text;
      }
    }
    if (other && !fits) moved_a.push_back(x);
  }
  for (const When* y : tb) {
    bool fits = false, other = false;
    for (const When* x : ta) {
      const TimeFit f = fit(*x, *y);
      if (f == TimeFit::other)
        other = true;
      else if (f != TimeFit::unknown)
        fits = true;
    }
    if (other && !fits) moved_b.push_back(y);
  }
  if (moved_a.empty() || moved_b.empty()) return false;
  c.relation = Relation::updated;
  c.more_precise = false;
  c.refined_figure = false;
  c.old_value = join_times(moved_a);
  c.new_value = join_times(moved_b);
  c.why = "another date";
  return true;
}

// The old comparison of dates, for statements stored without times.
bool date_update(const Statement& a, const Statement& b, Comparison& c) {
  std::vector<const article::DateMention*> date_a, date_b;
  for (const auto& x : a.dates)
    if (std::none_of(b.dates.begin(), b.dates.end(), [&](const auto& y) { return y.value == x.value; }))
      date_a.push_back(&x);
  for (const auto& y : b.dates)
    if (std::none_of(a.dates.begin(), a.dates.end(), [&](const auto& x) { return y.value == x.value; }))
      date_b.push_back(&y);
  if (date_a.empty() || date_b.empty()) return false;
  c.relation = Relation::updated;
  c.old_value = join_dates(date_a);
  c.new_value = join_dates(date_b);
  c.why = "another date";
  return true;
}

// Pairs of words that `pair` accepts, between the words only one side has:
// each found pair is taken out of both lists, the first written to `first`
// ("'x' against 'y'") when given and still empty. Gives how many.
template <class Pair>
int take_pairs(std::vector<const Word*>& only_a, std::vector<const Word*>& only_b, Pair pair,
               std::string* first = nullptr) {
  int n = 0;
  for (std::size_t i = 0; i < only_a.size();) {
    auto it = std::find_if(only_b.begin(), only_b.end(), [&](const Word* y) { return pair(*only_a[i], *y); });
    if (it == only_b.end()) {
      ++i;
      continue;
    }
    if (first && first->empty()) *first = "'" + only_a[i]->form + "' against '" + (*it)->form + "'";
    only_b.erase(it);
    only_a.erase(only_a.begin() + static_cast<std::ptrdiff_t>(i));
    ++n;
  }
  return n;
}

// The deadline of a prediction: its last time marked as one, else a month
// or a year it names ("this month"). Null when it has none.
const When* deadline_of(const Statement& a) {
  const When* best = nullptr;
  for (const When& w : a.times)
    if (!w.reported && !w.earliest && w.first && (w.deadline || !best)) best = &w;
  return best;
}

// The day a later statement reports something done: the date it names.
const When* done_time(const Statement& b) {
  for (const When& w : b.times)
    if (!w.reported && w.first) return &w;
  return nullptr;
}

// The words before a statement's predicate, from its main clause on: who
// acts, with an appositive ("Ann Ray, the chief executive, will ...").
std::vector<const Word*> actor_words(const Statement& s) {
  std::vector<const Word*> out;
  const Word* p = s.predicate_word();
  if (!p) return out;
  for (const Word& w : s.words)
    if (w.position < p->position && w.clause >= s.main_clause) out.push_back(&w);
  return out;
}

}  // namespace

std::string other_actor(const Statement& a, const Statement& b) {
  if (const Word* p = a.predicate_word(); !p || p->actor) return {};
  const auto xa = actor_words(a), xb = actor_words(b);
  auto named = [](const std::vector<const Word*>& ws) {
    return std::any_of(ws.begin(), ws.end(), [](const Word* w) { return w->name; });
  };
  if (!named(xa) || !named(xb)) return {};
  // One name in both: one actor ("Ann Ray, the chief executive" / "Ray").
  for (const Word* x : xa)
    for (const Word* y : xb)
      if (x->name && y->name && x->form == y->form) return {};
  // b's actor is what a speaks of ("NASA will delay the telescope" / "the telescope lifted off").
  for (const Word* y : xb)
    if (y->name && std::any_of(a.words.begin(), a.words.end(), [&](const Word& x) { return x.form == y->form; }))
      return {};
  return "'" + xa.front()->form + "' against '" + xb.front()->form + "'";
}

bool antonyms(const std::string& x, const std::string& y) { return antonym_table().pairs.count({x, y}) > 0; }

namespace {

// The predicates of holding a post ("become", "run", "lead", "chair"), in
// the matcher's forms.
const std::set<std::string>& post_predicates() {
  static const std::set<std::string> forms = [] {
    std::set<std::string> out;
    for (const char* w : {"become", "run", "lead", "head", "chair", "succeed", "replace", "take over"})
      for (const Word& x : analyse_statement(w).words) out.insert(x.form);
    return out;
  }();
  return forms;
}

}  // namespace

bool role_taken(const Statement& a, const Statement& b) {
  const Word* p = a.predicate_word();
  const Word* q = b.predicate_word();
  if (!p || !q || !post_predicates().count(p->form) || !post_predicates().count(q->form)) return false;
  // The post: a word after a's predicate in its clause that b says, not a name.
  for (const Word& w : a.words) {
    if (w.position <= p->position || w.clause != p->clause || w.name) continue;
    for (const Word& y : b.words)
      if (!y.name && y.position >= q->position && (y.form == w.form || same_meaning(w, y))) return true;
  }
  return false;
}

Timing check_deadline(const Statement& a, const Statement& b, const article::Date& b_published, Comparison& c) {
  if (a.modality == Modality::realized || a.negated) return Timing::none;
  const When* until = deadline_of(a);
  if (!until) return Timing::none;
  const bool done = b.modality == Modality::realized && !b.negated;
  When at;
  if (done) {
    if (const When* w = done_time(b))
      at = *w;
    else if (b_published.valid())
      at.year = b_published.year, at.first = b_published.first_day(), at.last = b_published.last_day(),
      at.text = b_published.iso();
    else
      return Timing::none;
  } else {
    if (!b_published.valid()) return Timing::none;
    at.year = b_published.year, at.first = b_published.first_day(), at.last = b_published.last_day();
    at.text = b_published.iso();
  }
  When d = *until;
  d.deadline = true;
  at.deadline = false;
  at.weekday = -1;
  // A deadline and a day without years: compared by month and day.
  const When dd = d.year && at.year ? d : without_year(d);
  const When aa = d.year && at.year ? at : without_year(at);
  const bool after = aa.first > dd.last;
  c.deadline = until->text;
  c.done_on = at.text;
  c.timing = done ? (after ? Timing::late : Timing::in_time) : (after ? Timing::not_done : Timing::open);
  return c.timing;
}

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
  // Antonymous predicates ("rose" / "fell") stand for each other, with the opposite sense.
  const int flips = take_pairs(
      only_a, only_b, [](const Word& x, const Word& y) { return antonyms(x.form, y.form); }, &c.evidence);
  matched += static_cast<std::size_t>(flips);
  // Words of one meaning ("halted" / "stopped") stand for each other.
  matched += static_cast<std::size_t>(take_pairs(only_a, only_b, same_meaning));
  const std::size_t na = first_a.size(), nb = first_b.size();
  if (matched == 0 || na == 0 || nb == 0) {
    c.why = "no words in common";
    return c;
  }
  const double containment = static_cast<double>(matched) / static_cast<double>(std::min(na, nb));
  const double dice = 2.0 * static_cast<double>(matched) / static_cast<double>(na + nb);
  c.score = std::min(1.0, 0.5 * containment + 0.5 * dice);
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

  const bool opposite = (a.negated != b.negated) != (flips % 2 == 1);
  if (a.modality != b.modality) {
    c.realizes = a.modality != Modality::realized && b.modality == Modality::realized && !opposite;
    c.why = c.realizes ? "a prediction, now reported as done" : "a different modality (done / will / may)";
    if (c.realizes && check_deadline(a, b, {}, c) != Timing::none) {
      c.why = c.timing == Timing::late ? "a prediction, done later than its deadline"
                                       : "a prediction, done by its deadline";
    }
    c.evidence.clear();
    return c;
  }
  if (opposite) {
    c.relation = Relation::contradicted;
    if (c.evidence.empty()) c.evidence = a.negated ? "'" + std::string("not") + "' in the claim" : "a denial";
    c.why = flips % 2 == 1 ? "an antonymous predicate: " + c.evidence : "the opposite polarity";
    return c;
  }
  c.evidence.clear();

  // Times, then numbers: each side having one the other contradicts is a change.
  if (!a.times.empty() || !b.times.empty()) {
    if (time_update(a, b, c)) return c;
  } else if (date_update(a, b, c)) {
    return c;
  }
  const bool time_precise = c.more_precise;
  if (number_update(a, b, c)) {
    c.more_precise = false;
    c.refined_figure = false;
    return c;
  }
  (void)time_precise;
  c.relation = Relation::same;
  c.why = c.more_precise ? "the same statement, more precisely" : "the same statement";
  if (!c.more_precise) c.old_value.clear(), c.new_value.clear();
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
  // An antonym in b of a word of a ("rose" / "fell") covers it, with the opposite sense.
  // Only when it says the opposite of the same thing: the antonym is a's
  // predicate (when a has one) and what a's predicate bears on, the rest of
  // its clause, is all in b ("buy the rival" / "sell the rival", not "sell
  // the rights to the rival's games").
  auto opposes = [&](const Word& w) {
    const Word* p = a.predicate_word();
    if (!p) return true;
    if (p->form != w.form) return false;
    return std::all_of(a.words.begin(), a.words.end(), [&](const Word& x) {
      return x.position <= p->position || x.clause != p->clause || fb.count(x.form) > 0;
    });
  };
  int flips = 0;
  std::set<std::string> antonym_of_b;
  for (const Word& w : a.words)
    if (!fb.count(w.form) && !antonym_of_b.count(w.form) && opposes(w))
      for (const Word& y : b.words)
        if (!fa.count(y.form) && antonyms(w.form, y.form)) {
          if (flips == 0) c.evidence = "'" + w.form + "' against '" + y.form + "'";
          ++flips;
          antonym_of_b.insert(w.form);
          shared.insert(w.form);
          ws += weight(w.form);
          break;
        }
  // A word of one meaning in b ("halted" / "stopped") covers a's word.
  std::set<std::string> synonym_in_b;
  for (const Word& w : a.words) {
    if (fb.count(w.form) || shared.count(w.form) || w.meanings.empty()) continue;
    for (const Word& y : b.words)
      if (!fa.count(y.form) && !synonym_in_b.count(y.form) && same_meaning(w, y)) {
        synonym_in_b.insert(y.form);
        shared.insert(w.form);
        ws += weight(w.form);
        break;
      }
  }
  // A figure both state ("about 42 percent" / "42%") tells as much as a
  // word no other claim has; small counts ("two", "ten") and vague
  // quantities tell little and do not count. Not counted against a claim
  // when b lacks it: b may give another figure (an update).
  int shared_figures = 0;
  for (const Number& x : a.numbers) {
    if (x.vague || (x.unit == Unit::count && x.high <= 12)) continue;
    if (std::any_of(b.numbers.begin(), b.numbers.end(), [&](const Number& y) { return consistent(x, y); })) {
      const double rare = weight(std::string());
      ws += rare;
      wa += rare;
      ++shared_figures;
    }
  }
  const double coverage = wa > 0 ? ws / wa : 0;
  c.score = coverage;
  // The main clause: the first part of a with a word in it, all in b.
  // A main clause of names alone is a subject ("Ann Ray, the chief
  // executive, will ...", "Arvane, which is based in ..."); one word must
  // be a predicate ("We have an agreement").
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
    main_clause = size > 0 && !name_only && (size >= 2 || verb) &&
                  std::all_of(a.words.begin(), a.words.end(),
                              [&](const Word& w) { return w.clause != first || shared.count(w.form) > 0; });
    // A subject alone, then an aside ("Ann Ray, who also chairs the port,
    // has no intention of stepping down"): the subject with its predicate's
    // clause is the main clause.
    if (const Word* p = a.predicate_word(); size > 0 && name_only && p) {
      const int pc = p->clause;
      main_clause = pc != first && std::all_of(a.words.begin(), a.words.end(), [&](const Word& w) {
                      return (w.clause != first && w.clause != pc) || shared.count(w.form) > 0;
                    });
    }
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
  const std::size_t n = shared.size() + static_cast<std::size_t>(shared_figures);
  const bool related = (coverage >= 0.5 && n >= 2) || (n >= 3 && coverage >= 0.4) || (n >= 4 && coverage >= 0.2) ||
                       (main_clause && n >= 1) || (same_date && n >= 2 && coverage >= 0.2) || (moved_from && n >= 2);
  if (!related) {
    c.why = "does not speak to it";
    return c;
  }
  // Another actor ("Sprint's board is to approve the deal" / "the Justice
  // Department approved the deal").
  if (const std::string other = other_actor(a, b); !other.empty()) {
    // A post one holds, given to another ("X would become chairman" /
    // "Y will chair the board"): it cannot be both.
    if (!a.negated && !b.negated && role_taken(a, b)) {
      c.relation = Relation::contradicted;
      c.evidence = "another holder of the post: " + other;
      c.why = c.evidence;
      return c;
    }
    c.why = "another actor: " + other;
    return c;
  }
  // A negation bears on the shared part only when shared words follow it
  // ("production stopped and will not restart" does not deny "production
  // was halted").
  auto bears = [&](const Statement& s) {
    for (int at : s.negation_at)
      for (const Word& w : s.words)
        if (w.position >= at && (shared.count(w.form) || synonym_in_b.count(w.form))) return true;
    return false;
  };
  // Not on the day a names, and done on another day, is no contradiction
  // ("to miss its June 3 opening" / "opened on Oct. 31").
  auto another_day = [&] {
    const auto ta = claim_times(a), tb = claim_times(b);
    if (ta.empty() || tb.empty()) return false;
    for (const When* x : ta)
      for (const When* y : tb)
        if (fit(*x, *y) != TimeFit::other) return false;
    return true;
  };
  if ((bears(a) != bears(b)) != (flips % 2 == 1) && (coverage >= 0.3 || main_clause) && !another_day()) {
    c.relation = Relation::contradicted;
    if (flips % 2 == 1) {
      c.why = "an antonymous predicate: " + c.evidence;
    } else {
      c.evidence = bears(b) ? "a denial" : "'not' in the claim";
      c.why = "the opposite polarity";
    }
    return c;
  }
  c.evidence.clear();
  c.realizes = a.modality != Modality::realized && b.modality == Modality::realized;
  if (c.realizes) check_deadline(a, b, {}, c);
  if (moved_from) {
    c.relation = Relation::updated;
    c.old_value = moved_from->text;
    c.new_value = moved_to->text;
    c.why = "another date";
    return c;
  }
  // A time or a number of a that b replaces ("in April" / "in June",
  // "about 40,000" / "more than 60,000").
  // Of the same event: b says a's predicate, when a has one ("lost 212
  // million" is not updated by "must pay 40 million").
  const Word* p = a.predicate_word();
  const bool same_event = !p || p->actor || shared.count(p->form) > 0;
  if ((coverage >= 0.3 || main_clause) && !same_event) {
    // Another figure or day of another event: nothing said of this one.
    Comparison probe = c;
    if ((!c.realizes && !a.times.empty() && time_update(a, b, probe)) || number_update(a, b, probe)) {
      c.why = "another event: " + probe.old_value + " / " + probe.new_value;
      return c;
    }
  } else if (coverage >= 0.3 || main_clause) {
    if (!c.realizes && !a.negated && !a.times.empty() && time_update(a, b, c)) return c;
    if (number_update(a, b, c)) {
      c.more_precise = false;
      c.refined_figure = false;
      return c;
    }
  }
  if (!c.more_precise) c.old_value.clear(), c.new_value.clear();
  // A restatement says at least half of what the claim says (by weight),
  // unless it is the claim's main clause or date: a few shared words in a
  // longer claim ("the coalition", "Washington") are a shared topic.
  if (!main_clause && !same_date && !c.realizes && coverage < kRestatedCoverage) {
    c.why = "does not speak to it";
    return c;
  }
  c.relation = Relation::same;
  c.why = main_clause ? "restates its main clause" : same_date ? "the same date and subject" : "restates it";
  return c;
}

}  // namespace claimtrail::match
