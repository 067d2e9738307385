// Does one statement say the same as another? The judgement behind claim
// matching: shared content words, then the differences a fact-checker cares
// about (a number, a date, polarity, modality, who did what to whom).
#pragma once

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

}  // namespace claimtrail::match
