// Quantities in a statement: numbers in digits and in words ("two dozen",
// "one hundred and twenty", "a million", "2.5bn"), fractions ("two-thirds",
// "half a percent"), percentages, lengths of time ("48 hours", "a
// fortnight"), lengths and masses ("6.5 metres" is "21 feet"),
// approximations and bounds ("about 2,500", "more than 60,000"), ranges
// ("between 3 and 4 billion"), vague quantities ("tens of thousands", "a
// handful") and changes by a multiple ("doubled": a rise of 100 percent).
// Each is an interval, so two statements of one figure in other words can
// be compared: consistent, more precise, or another figure. The words come
// from data/lexicon/number_words.tsv and quantities.tsv.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace claimtrail::match {

// What a number counts: things, a percentage (of a whole, or a change), a
// length of time (in hours), a length (in metres) or a mass (in kilograms).
enum class Unit { count = 0, percent = 1, hours = 2, metres = 3, kilograms = 4 };

struct Number {
  double value = 0;
  std::string text;          // as written ("2,500", "five thousand", "about 40,000")
  double low = 0, high = 0;  // the interval the words allow (low == high == value when exact)
  Unit unit = Unit::count;
  bool vague = false;  // a quantity without a number ("dozens", "a handful")
};

// A number with its interval set to exactly `value`.
Number exact_number(double value, std::string text, Unit unit = Unit::count);

struct Quantity {
  Number number;
  std::size_t length = 0;  // tokens read
  std::string word;        // the verb a multiple stands for ("doubled": "increase"), else empty
};

// The quantity that starts at `tokens[i]` (lower-case words, "%" already
// "percent"), if one does.
std::optional<Quantity> read_quantity(const std::vector<std::string>& tokens, std::size_t i);

// Do two numbers state the same figure, allowing for what their words
// allow (same unit, intervals that meet)?
bool consistent(const Number& a, const Number& b);
// Does `b` state `a`'s figure more precisely (consistent, and a narrower
// interval: "more than 60,000" / "62,000", "a handful" / "five")?
bool more_precise(const Number& a, const Number& b);

}  // namespace claimtrail::match
