// The stored form of a claim's analysis (match/claim_analysis.hpp): what
// track reads back is what ingest analysed, field for field, and bytes that
// are not an analysis (a damaged store) are refused, never misread.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "match/claim_analysis.hpp"

using claimtrail::match::analyse_claim;
using claimtrail::match::decode;
using claimtrail::match::encode;

namespace {

const char* const kClaims[] = {
    "The plant will close by the end of next year, cutting 1,200 jobs",
    "Officials said two dozen inspectors had been sent on Sept. 6",
    "The minister denied that the talks had collapsed",
    "Prices rose 4.5 percent in March, more than double the forecast",
    "The bridge was not reopened until 14 January 2026",
    "",
};

}  // namespace

TEST_CASE("claim analysis: encode then decode gives back every field") {
  const claimtrail::article::Date published{2025, 3, 4};
  for (const char* text : kClaims) {
    CAPTURE(text);
    const auto a = analyse_claim(text, "said", published);
    const auto back = decode(encode(a));
    REQUIRE(back);
    CHECK(back->cue_words == a.cue_words);
    CHECK(back->statement.norm() == a.statement.norm());
    CHECK(back->statement.negated == a.statement.negated);
    CHECK(back->statement.passive == a.statement.passive);
    CHECK(back->statement.modality == a.statement.modality);
    CHECK(back->statement.main_clause == a.statement.main_clause);
    CHECK(back->statement.negation_at == a.statement.negation_at);
    CHECK(back->statement.clauses_with_verb == a.statement.clauses_with_verb);
    REQUIRE(back->statement.words.size() == a.statement.words.size());
    for (std::size_t i = 0; i < a.statement.words.size(); ++i) {
      CHECK(back->statement.words[i].form == a.statement.words[i].form);
      CHECK(back->statement.words[i].actor == a.statement.words[i].actor);
      CHECK(back->statement.words[i].position == a.statement.words[i].position);
      CHECK(back->statement.words[i].clause == a.statement.words[i].clause);
    }
    REQUIRE(back->statement.numbers.size() == a.statement.numbers.size());
    for (std::size_t i = 0; i < a.statement.numbers.size(); ++i) {
      CHECK(back->statement.numbers[i].value == a.statement.numbers[i].value);
      CHECK(back->statement.numbers[i].text == a.statement.numbers[i].text);
    }
    REQUIRE(back->statement.dates.size() == a.statement.dates.size());
    for (std::size_t i = 0; i < a.statement.dates.size(); ++i) {
      CHECK(back->statement.dates[i].value == a.statement.dates[i].value);
      CHECK(back->statement.dates[i].deadline == a.statement.dates[i].deadline);
      CHECK(back->statement.dates[i].text == a.statement.dates[i].text);
    }
    CHECK(encode(*back) == encode(a));
  }
}

TEST_CASE("claim analysis: damaged bytes are refused, not misread") {
  const std::string good = encode(analyse_claim(kClaims[0], "said", {2025, 3, 4}));
  CHECK_FALSE(decode(""));
  CHECK_FALSE(decode(std::string(1, '\x7f')));  // an unknown version
  for (std::size_t cut = 1; cut < good.size(); ++cut) CHECK_FALSE(decode(good.substr(0, cut)));
  CHECK_FALSE(decode(good + "x"));  // trailing bytes
  // Random bytes after a valid version byte: never a crash (ASan in CI).
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string junk(1 + rng() % 64, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    junk[0] = good[0];
    (void)decode(junk);
  }
}
