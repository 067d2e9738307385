// A claim's statement reduced to what matching compares: content words in a
// canonical form, numbers, dates, polarity, modality and voice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article/dates.hpp"
#include "match/numbers.hpp"
#include "match/when.hpp"

namespace claimtrail::match {

struct Word {
  std::string form;    // canonical form: equivalents applied, stemmed
  bool actor = false;  // names a person, body or group (a name, "union", "minister")
  bool name = false;   // written with a capital (not at the statement's start)
  int position = 0;    // order among the statement's words
  int clause = 0;      // which comma-, semicolon- or dash-separated part it is in
  // What the word can mean (language::meanings), for words that are not
  // actors: two words sharing one say the same ("halted" / "stopped").
  std::vector<std::uint32_t> meanings;
};

// Do two words share a meaning (both not actors)?
bool same_meaning(const Word& x, const Word& y);

enum class Modality { realized, future, hedged };

struct Statement {
  std::vector<Word> words;
  std::vector<Number> numbers;
  std::vector<article::DateMention> dates;  // resolved dates (their words are not in `words`)
  std::vector<When> times;  // every time it names, with a year or without (their words are not in `words` either)
  bool negated = false;
  std::vector<int> negation_at;  // for each negation: how many words came before it
  Modality modality = Modality::realized;
  bool passive = false;
  int main_clause = 0;  // the first clause, or the second after an opening phrase ("Under the plan, ...")
  std::vector<int> clauses_with_verb;  // clauses holding an auxiliary or a past form: "We have an agreement"
  int predicate = -1;  // which word is the main predicate ("expand" in "X and Y are seeking to expand ..."), -1 if none
  // The word at `predicate`, or null when it has none.
  const Word* predicate_word() const;
  // The words as one string: what the store indexes and searches.
  std::string norm() const;
};

// Who does what to what: the words before the predicate, the predicate,
// and the words after it in its clause. Empty when no predicate was found.
struct Frame {
  std::vector<std::string> actor;
  std::string predicate;
  std::vector<std::string> object;
};
Frame frame_of(const Statement& s);

// Reduces `text` (a statement, or search words). Dates without a year and
// relative ones resolve against `published` when it is valid.
Statement analyse_statement(std::string_view text, const article::Date& published = {});

}  // namespace claimtrail::match
