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

struct Comparison {
  Relation relation = Relation::different;
  double score = 0;       // word agreement, 0..1
  std::string old_value;  // for `updated`: a's differing number or date, as written
  std::string new_value;  // and b's
  bool realizes = false;  // a predicts or plans what b reports as done (otherwise the same)
  std::string why;        // a short reason, for people
};

Comparison compare(const Statement& a, const Statement& b);

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
