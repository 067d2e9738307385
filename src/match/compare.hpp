// Does one statement say the same as another? The judgement behind claim
// matching: shared content words, then the differences a fact-checker cares
// about (a number, a date, polarity, modality, who did what to whom).
#pragma once

#include <functional>
#include <string>

#include "match/statement.hpp"

namespace claimtrail::match {

enum class Relation {
  same,          // b restates a
  updated,       // b restates a with another number or date (old_value -> new_value)
  contradicted,  // b says the opposite of a
  different,     // b is about something else
};

const char* to_string(Relation r);

// A prediction with a deadline against a later statement of it.
enum class Timing {
  none,      // no deadline, or nothing said of it being done
  in_time,   // reported done on or before the deadline
  late,      // reported done after the deadline
  not_done,  // reported not done (or still to come) after the deadline
  open,      // reported not done (or still to come) before the deadline passed
};

const char* to_string(Timing t);

struct Comparison {
  Relation relation = Relation::different;
  double score = 0;               // word agreement, 0..1
  std::string old_value;          // for `updated`: a's differing number or date, as written
  std::string new_value;          // and b's; for a `same` that is more_precise, a's and b's values too
  bool realizes = false;          // a predicts or plans what b reports as done (otherwise the same)
  bool more_precise = false;      // `same`, b stating a's figure or time more precisely ("in April" / "on April 28")
  bool refined_figure = false;    // ... and what b states more precisely is a figure ("about 3,000" / "2,950")
  std::string evidence;           // for `contradicted`: what says the opposite ("'rise' against 'fall'", "a denial")
  Timing timing = Timing::none;   // when a has a deadline and b reports it done: in time or late
  std::string deadline, done_on;  // a's deadline and the day b reports, as written
  std::string why;                // a short reason, for people
};

Comparison compare(const Statement& a, const Statement& b);

// Does `b` say something of another actor than `a`? Each names who acts
// (the words before its predicate, at least one a name), no word of one is
// the other's or of one meaning with it, and b's actor is nothing `a` names
// ("Sprint's board is to approve the deal" / "the Justice Department
// approved the deal"; not "NASA will delay the telescope" / "the telescope
// lifted off"). Gives "'x' against 'y'", else empty.
std::string other_actor(const Statement& a, const Statement& b);

// Do `a` and `b` give one post to two actors ("X would become chairman" /
// "Y will chair the board")? Both say holding a post (become, run, lead,
// head, chair, succeed, replace) and b says a word of a's post. Asked when
// other_actor() finds another actor.
bool role_taken(const Statement& a, const Statement& b);

// Are two word forms (Word::form) antonymous predicates (data/lexicon/antonyms.tsv)?
bool antonyms(const std::string& x, const std::string& y);

// Did a later statement `b` (published on `b_published`, valid or not)
// report the prediction `a` done in time, done late, or not done after
// its deadline? `a` needs a deadline ("by September next year", "by the end
// of 2025", "this month") and `b` must speak to it (compare or relate).
// Fills timing, deadline and done_on; gives the timing.
Timing check_deadline(const Statement& a, const Statement& b, const article::Date& b_published, Comparison& c);

// How much a word tells: higher for rarer words (an inverse document
// frequency over the store's statements).
using WordWeight = std::function<double(const std::string& form)>;

// Does a later statement `b` speak to an earlier claim `a`? Looser than
// compare(): a claim often holds several assertions and a later article
// words them differently, so `b` need only cover a's main clause, or most of
// a's weight, or share a date and a word with it. A date of `a` that `b`
// moves ("by the end of 2026" / "until September 2026") is an update.
// `relation` is different when b does not speak to a.
Comparison relate(const Statement& a, const Statement& b, const WordWeight& weight);

}  // namespace claimtrail::match
