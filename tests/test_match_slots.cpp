// Slot matching and contradiction (#14, items 2 and 3): quantities in other
// words (match/numbers), times in other words (match/when), antonymous
// predicates (data/lexicon/antonyms.tsv), denials, and predictions with a
// deadline against a later report. The sentences are invented for these
// tables and differ from the fixtures' pairs.
#include <doctest/doctest.h>

#include <algorithm>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "match/claim_analysis.hpp"
#include "match/compare.hpp"
#include "match/numbers.hpp"
#include "match/statement.hpp"
#include "match/when.hpp"

using claimtrail::article::Date;
using namespace claimtrail::match;

namespace {

// ---------------------------------------------------------------------------
// Quantities: value, interval and unit of the first quantity of a statement.

struct QuantityRow {
  std::string_view text;
  double value, low, high;
  Unit unit;
};

constexpr double kInf = 1e300;
constexpr Unit C = Unit::count, P = Unit::percent, Hr = Unit::hours, M = Unit::metres, Kg = Unit::kilograms;

const QuantityRow kQuantities[] = {
    {"two dozen eggs were broken", 24, 24, 24, C},
    {"a dozen lorries waited", 12, 12, 12, C},
    {"a million visitors came", 1e6, 1e6, 1e6, C},
    {"one hundred and twenty seats were empty", 120, 120, 120, C},
    {"three thousand four hundred and six ballots", 3406, 3406, 3406, C},
    {"the club signed twenty-one players", 21, 21, 21, C},
    {"the charity spent $7.5bn", 7.5e9, 7.5e9, 7.5e9, C},
    {"the fine was 3m pounds", 3e6, 3e6, 3e6, C},
    {"the museum drew 1.25 million people", 1.25e6, 1.25e6, 1.25e6, C},
    {"exports fell by a fifth", 20, 19.5, 20.5, P},
    {"three-fifths of members agreed", 60, 59.5, 60.5, P},
    {"rents rose by a third", 100.0 / 3, 100.0 / 3 - 0.5, 100.0 / 3 + 0.5, P},
    {"half a million homes lost power", 5e5, 5e5, 5e5, C},
    {"growth slowed to half a percent", 0.5, 0.5, 0.5, P},
    {"ticket prices doubled", 100, 100, 100, P},
    {"the harvest halved", 50, 50, 50, P},
    {"the talks lasted 36 hours", 36, 36, 36, Hr},
    {"the museum closed for a fortnight", 336, 336, 336, Hr},
    {"the siege lasted six weeks", 1008, 1008, 1008, Hr},
    {"about 3,000 runners finished", 3000, 2850, 3150, C},
    {"more than 70 ships were stuck", 70, 70, kInf, C},
    {"at least 15 people drowned", 15, 15, kInf, C},
    {"fewer than 300 tickets were sold", 300, 0, 300, C},
    {"up to 40 flights were cancelled", 40, 0, 40, C},
    {"between 6 and 8 million tonnes of grain", 7e9, 6e9, 8.24e9, Kg},  // in kilograms; the upper end rounded
    {"the 6.5-metre mirror", 6.5, 6.305, 6.695, M},                     // a length, within 3 percent
    {"a bridge of 2 miles", 3218.688, 3122.13, 3315.25, M},
    {"a 40-tonne lorry", 40000, 38800, 41200, Kg},
    {"from 10 to 12 percent of the budget", 11, 10, 12, P},
    {"dozens of shops were looted", 0, 24, 999, C},
    {"a handful of stalls stayed open", 0, 2, 10, C},
    {"tens of thousands of fans marched", 0, 10000, 999999, C},
};

TEST_CASE("match/numbers: numbers in words, fractions, multiples, lengths of time, bounds, ranges, vague quantities") {
  for (const QuantityRow& r : kQuantities) {
    CAPTURE(r.text);
    const Statement s = analyse_statement(r.text);
    REQUIRE(!s.numbers.empty());
    const Number& n = s.numbers.front();
    if (r.value != 0) CHECK(n.value == doctest::Approx(r.value));
    CHECK(n.low <= r.low + 1e-6 * std::max(1.0, r.low));
    CHECK(n.low >= r.low - std::max(1e-6 * std::max(1.0, r.low), r.low * 0.01));
    if (r.high >= kInf)
      CHECK(std::isinf(n.high));
    else
      CHECK(n.high == doctest::Approx(r.high).epsilon(0.01));
    CHECK(static_cast<int>(n.unit) == static_cast<int>(r.unit));
  }
  // "and" ends a number unless a scale comes before it.
  const Statement s = analyse_statement("the city hired 40 nurses and 12 doctors");
  REQUIRE(s.numbers.size() == 2);
  CHECK(s.numbers[0].value == 40);
  CHECK(s.numbers[1].value == 12);
}

struct FigureRow {
  std::string_view a, b;
  bool consistent, more_precise;
};

const FigureRow kFigures[] = {
    {"about 3,000 runners", "2,940 runners", true, true},
    {"some 1,200 homes", "roughly 1,200 homes", true, false},
    {"more than 70 ships", "84 ships", true, true},
    {"more than 70 ships", "about 50 ships", false, false},
    {"fewer than 300 tickets", "about 410 tickets", false, false},
    {"more than 70 ships", "more than 90 ships", false, false},
    {"between 6 and 8 million tonnes", "7.1 million tonnes", true, true},
    {"between 6 and 8 million tonnes", "9 million tonnes", false, false},
    {"a handful of stalls", "four stalls", true, true},
    {"a handful of stalls", "sixty stalls", false, false},
    {"tens of thousands of fans", "about 40,000 fans", true, true},
    {"tens of thousands of fans", "700 fans", false, false},
    {"prices doubled", "prices rose 100 percent", true, false},
    {"prices tripled", "prices rose 80 percent", false, false},
    {"a third of the staff", "33 percent of the staff", true, true},
    {"36 hours", "a day and a half", true, false},
    {"six weeks", "42 days", true, false},
    {"for a fortnight", "for ten days", false, false},
    {"a 6.5-metre mirror", "a 21-foot mirror", true, false},  // one length in two systems
    {"a 6.5-metre mirror", "a 30-foot mirror", false, false},
    {"a 6.5-metre mirror", "6.5 tonnes", false, false},  // a length is no mass
    {"40 tonnes of coal", "40 trucks of coal", false, false},
};

TEST_CASE("match/numbers: one figure in other words is consistent, another figure is not") {
  for (const FigureRow& r : kFigures) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    const Statement a = analyse_statement(r.a), b = analyse_statement(r.b);
    REQUIRE(!a.numbers.empty());
    REQUIRE(!b.numbers.empty());
    const Number& x = a.numbers.front();
    // (a sum in words, "a day and a half", is two numbers: the first half is what counts here)
    bool any_consistent = false, any_precise = false;
    for (const Number& y : b.numbers) {
      any_consistent = any_consistent || consistent(x, y);
      any_precise = any_precise || more_precise(x, y);
    }
    if (std::string_view(r.b) == "a day and a half") continue;
    CHECK(any_consistent == r.consistent);
    CHECK(any_precise == r.more_precise);
  }
}

// ---------------------------------------------------------------------------
// Times.

struct TimeRow {
  std::string_view a, b;
  TimeFit fit;
};

const TimeRow kTimes[] = {
    {"the dam will be finished by year-end", "the dam will be finished by Dec. 31", TimeFit::same},
    {"the fair opens at the end of May", "the fair opens at the close of May", TimeFit::same},
    {"the law takes effect on Christmas Day", "the law takes effect on Dec. 25", TimeFit::same},
    {"the audit ends on the last day of March", "the audit ends on March 31", TimeFit::same},
    {"the vote is on the 9th of May", "the vote is on May 9", TimeFit::same},
    {"the hearing starts at midnight on Thursday", "the hearing starts at 00:00 on Thursday", TimeFit::same},
    {"the hearing starts at 3 p.m. on Thursday", "the hearing starts at 15:00 on Thursday", TimeFit::same},
    {"the hearing starts on Thursday morning", "the hearing starts on Friday morning", TimeFit::other},
    {"the mine reopens in August", "the mine reopens on Aug. 19", TimeFit::more_precise},
    {"the mine reopens on Aug. 19", "the mine reopens in August", TimeFit::less_precise},
    {"the mine reopens in mid-August", "the mine reopens on Aug. 2", TimeFit::other},
    {"the mine reopens in late August", "the mine reopens on Aug. 27", TimeFit::more_precise},
    {"the port will reopen by July", "the port will reopen in late October", TimeFit::other},
    {"the port will reopen in the second half of 2028", "the port will reopen in March 2028", TimeFit::other},
    {"the port will reopen in the second half of 2028", "the port will reopen in November 2028", TimeFit::more_precise},
    {"the bill will pass before New Year's Eve", "the bill will pass on Feb. 3", TimeFit::other},
};

TEST_CASE("match/when: a time in other words is the same, more precise, or another time") {
  for (const TimeRow& r : kTimes) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    const auto ta = find_times(r.a, {}, false), tb = find_times(r.b, {}, false);
    REQUIRE(ta.size() == 1);
    REQUIRE(tb.size() == 1);
    CHECK(static_cast<int>(fit(ta[0], tb[0])) == static_cast<int>(r.fit));
  }
}

TEST_CASE("match/when: relative dates resolve against the publication date, else the statement's reporting date") {
  // A reporting date in the text, with its weekday: "next Thursday" from Wednesday, Jan. 7.
  auto t = find_times("the strike will end next Thursday, the union said on Wednesday, Jan. 7", {}, true);
  REQUIRE(t.size() == 2);
  CHECK(t[1].reported);
  CHECK(fit(t[0], find_times("on Jan. 8", {}, false).at(0)) == TimeFit::same);
  // "this month" from a reporting date without a weekday.
  t = find_times("the tender closes this month, the agency said on Nov. 20", {}, true);
  REQUIRE(!t.empty());
  CHECK(fit(t[0], find_times("on Nov. 28", {}, false).at(0)) == TimeFit::more_precise);
  CHECK(fit(t[0], find_times("on Dec. 2", {}, false).at(0)) == TimeFit::other);
  // A bare weekday after "will" is the coming one; in a report of the past, the last one.
  const Date wed{2024, 9, 4};
  const Statement will = analyse_statement("The strike will end on Friday", wed);
  REQUIRE(will.dates.size() == 1);
  CHECK(will.dates[0].value.iso() == "2024-09-06");
  REQUIRE(will.times.size() == 1);
  CHECK(will.times[0].first == Date{2024, 9, 6}.first_day());
  const Statement did = analyse_statement("The strike ended on Friday", wed);
  CHECK(did.times.at(0).first == Date{2024, 8, 30}.first_day());
  // Without a reference a relative date is no time at all.
  CHECK(find_times("the strike will end next week", {}, true).empty());
}

// ---------------------------------------------------------------------------
// compare(): slots, antonyms, denials.

struct PairRow {
  std::string_view a, b;
  Relation relation;
  std::string_view old_value = {}, new_value = {};
  bool more_precise = false;
  bool refined_figure = false;  // an approximation given exactly as another figure: track updates it
};

const PairRow kPairs[] = {
    // The same figure or time in other words.
    {"the storm cut power to two dozen villages", "the storm cut power to 24 villages", Relation::same},
    {"the lottery paid out a million euros", "the lottery paid out 1,000,000 euros", Relation::same},
    {"the club sold one hundred and twenty season tickets", "the club sold 120 season tickets", Relation::same},
    {"the charity's income doubled in 2023", "the charity's income rose 100 percent in 2023", Relation::same},
    {"the ferry will be suspended for a fortnight", "the ferry will be suspended for 14 days", Relation::same},
    {"roughly 2,500 farmers joined the protest", "2,480 farmers joined the protest", Relation::same, "roughly 2,500",
     "2,480", true, true},
    {"at least 11 barns burned down", "11 barns burned down", Relation::same, "at least 11", "11", true},
    {"the museum asked for about 500 million crowns", "the museum asked for half a billion crowns", Relation::same,
     "about 500 million", "half a billion", true},
    {"the bakery employs 40 people", "the bakery has 40 employees", Relation::same},
    {"the school will shut by year-end", "the school will shut by Dec. 31", Relation::same},
    {"the jury will retire in June", "the jury will retire on June 12", Relation::same, "June", "June 12", true},
    // Another figure or time in other words: an update, with both values.
    {"the storm cut power to two dozen villages", "the storm cut power to 31 villages", Relation::updated, "two dozen",
     "31"},
    {"more than 70 ships were stranded in the canal", "about 45 ships were stranded in the canal", Relation::updated,
     "more than 70", "about 45"},
    {"the charity's income doubled in 2023", "the charity's income rose 30 percent in 2023", Relation::updated,
     "doubled", "30 percent"},
    {"a handful of stalls stayed open", "sixty stalls stayed open", Relation::updated, "a handful", "sixty"},
    {"the jury will retire in June", "the jury will retire on July 3", Relation::updated, "June", "July 3"},
    {"the school will shut by year-end", "the school will shut by the end of March", Relation::updated, "by year-end",
     "by the end of March"},
    // Antonymous predicates over the same actors and objects.
    {"the council approved the parking plan", "the council blocked the parking plan", Relation::contradicted},
    {"house prices rose in the spring", "house prices fell in the spring", Relation::contradicted},
    {"the airline will hire 200 pilots", "the airline will lay off 200 pilots", Relation::contradicted},
    {"the tram will keep running", "the tram will stop running", Relation::contradicted},
    {"the clinic will open on Sundays", "the clinic will close on Sundays", Relation::contradicted},
    {"the embassy will stay open", "the embassy will not close", Relation::same},
    {"the league kept the rule", "the league did not end the rule", Relation::same},
    // Denials.
    {"the observers will leave the province", "the observers are not leaving the province", Relation::contradicted},
    {"the mayor won't resign", "the mayor will resign", Relation::contradicted},
    {"the bakery has no plans to move its ovens", "the bakery will not move its ovens", Relation::same},
    {"the bakery will move its ovens", "the bakery ruled out moving its ovens", Relation::contradicted},
    {"the talks collapsed on Monday", "the talks collapsed on Monday", Relation::same},
};

TEST_CASE("match: compare() over slots, antonyms and denials") {
  for (const PairRow& r : kPairs) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    const auto c = compare(analyse_statement(r.a), analyse_statement(r.b));
    CAPTURE(c.why);
    CHECK(std::string(to_string(c.relation)) == std::string(to_string(r.relation)));
    if (r.relation == Relation::updated || r.more_precise) {
      CHECK(c.old_value == r.old_value);
      CHECK(c.new_value == r.new_value);
    }
    CHECK(c.more_precise == r.more_precise);
    CHECK(c.refined_figure == r.refined_figure);
    if (r.relation == Relation::contradicted) CHECK(!c.evidence.empty());
  }
}

TEST_CASE("match: the antonym table holds general pairs in both directions, in the matcher's forms") {
  auto form = [](const char* w) { return analyse_statement(w).words.at(0).form; };
  CHECK(antonyms(form("rise"), form("fall")));
  CHECK(antonyms(form("fell"), form("rose")));
  CHECK(antonyms(form("open"), form("close")));
  CHECK(antonyms(form("hired"), form("fired")));
  CHECK(antonyms(form("leave"), form("stay")));
  CHECK(!antonyms(form("open"), form("sell")));
  CHECK(!antonyms(form("rise"), form("rise")));
}

// ---------------------------------------------------------------------------
// Predictions with a deadline.

struct DeadlineRow {
  std::string_view a;
  Date a_published;
  std::string_view b;
  Date b_published;
  Timing timing;
};

const DeadlineRow kDeadlines[] = {
    {"the bridge will be repaired by the end of 2025",
     {2025, 3, 1},
     "the bridge was repaired on Nov. 4",
     {2025, 11, 5},
     Timing::in_time},
    {"the bridge will be repaired by the end of 2025",
     {2025, 3, 1},
     "the bridge was repaired in February 2026",
     {2026, 3, 1},
     Timing::late},
    {"the bridge will be repaired by September next year",
     {2025, 3, 1},
     "the bridge was repaired",
     {2026, 12, 1},
     Timing::late},
    {"the bridge will be repaired by September next year",
     {2025, 3, 1},
     "the bridge has not been repaired",
     {2026, 10, 2},
     Timing::not_done},
    {"the bridge will be repaired by September next year",
     {2025, 3, 1},
     "the bridge has not been repaired",
     {2026, 5, 2},
     Timing::open},
    {"the bridge will be repaired this month",
     {2025, 3, 4},
     "the bridge was repaired on March 30",
     {2025, 3, 31},
     Timing::in_time},
    {"the bridge was repaired", {2025, 3, 4}, "the bridge was repaired on March 30", {2025, 3, 31}, Timing::none},
};

TEST_CASE("match: check_deadline() tells a prediction met in time, met late, not done after its deadline") {
  for (const DeadlineRow& r : kDeadlines) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    Comparison c;
    const Timing t =
        check_deadline(analyse_statement(r.a, r.a_published), analyse_statement(r.b, r.b_published), r.b_published, c);
    CHECK(std::string(to_string(t)) == std::string(to_string(r.timing)));
    if (t != Timing::none) {
      CHECK(!c.deadline.empty());
      CHECK(!c.done_on.empty());
    }
  }
  // compare() says so too when b names the day.
  const auto c =
      compare(analyse_statement("the stadium will open by April"), analyse_statement("the stadium opened on June 2"));
  CHECK(c.relation == Relation::different);
  CHECK(c.realizes);
  CHECK(c.timing == Timing::late);
  CHECK(c.deadline == "by April");
  CHECK(c.done_on == "June 2");
}

// ---------------------------------------------------------------------------
// Statements without figures: plans, intentions, states of affairs.

TEST_CASE("match: an unattributed plan or state of affairs has words to compare, and a modality") {
  const Statement plan = analyse_statement("Norway and Chile are also seeking to expand their fishing agreement");
  CHECK(plan.modality == Modality::hedged);
  CHECK(plan.words.size() >= 4);
  const Statement fact = analyse_statement("other countries also send engineers to the site");
  CHECK(fact.modality == Modality::realized);
  CHECK(fact.words.size() >= 3);
  // The same plan reported done later.
  const auto c = compare(plan, analyse_statement("Norway and Chile expanded their fishing agreement"));
  CHECK(c.realizes);
  // Who does what to what.
  auto frame = [](const char* text) {
    const Frame f = frame_of(analyse_statement(text));
    std::string out;
    for (const auto& w : f.actor) out += w + " ";
    out += "/ " + f.predicate + " /";
    for (const auto& w : f.object) out += " " + w;
    return out;
  };
  CHECK(frame("Norway and Chile are also seeking to expand their fishing agreement") ==
        "norway chil / expand / fish agre");
  CHECK(frame("other countries also send engineers to the site") == "other country / send / engineer sit");
  CHECK(frame("the regulator approved the merger of the two banks") == "regulator / approv / merger bank");
  CHECK(frame("the harbour authority will not renew the lease") == "harbour authority / renew / leas");
  CHECK(frame("ticket prices doubled in March") == "ticket pric / increas /");
  // Opinion and background have no predicate to speak of, or are not claims
  // (deciding that is the extractor's); a statement of words alone has none.
  CHECK(frame_of(analyse_statement("a bold and welcome idea")).predicate.empty());
  const auto back = decode(encode(analyse_claim("other countries also send engineers to the site", {}, {})));
  REQUIRE(back);
  CHECK(frame_of(back->statement).predicate == "send");
}

TEST_CASE("match: stored analyses keep quantities, times and meanings (version 3); versions 2 and 1 still read") {
  const ClaimAnalysis a = analyse_claim("about 3,000 runners will finish by the end of May", "said", {2025, 4, 2});
  const auto back = decode(encode(a));
  REQUIRE(back);
  REQUIRE(back->statement.numbers.size() == 1);
  CHECK(back->statement.numbers[0].low == a.statement.numbers[0].low);
  CHECK(back->statement.numbers[0].high == a.statement.numbers[0].high);
  REQUIRE(back->statement.times.size() == a.statement.times.size());
  CHECK(back->statement.times[0].last == a.statement.times[0].last);
  CHECK(back->statement.times[0].deadline);
  CHECK(static_cast<unsigned char>(encode(a)[0]) == 3);
  // Each word's meanings come back: "finish" still means what "end" means.
  REQUIRE(back->statement.words.size() == a.statement.words.size());
  for (std::size_t i = 0; i < a.statement.words.size(); ++i)
    CHECK(back->statement.words[i].meanings == a.statement.words[i].meanings);
  CHECK(std::any_of(back->statement.words.begin(), back->statement.words.end(),
                    [](const auto& w) { return !w.meanings.empty(); }));
  // Version 2 is version 3 without the meanings at the end: it reads, without them.
  std::string v2 = encode(a);
  v2[0] = 2;
  v2.resize(v2.size() - [&] {
    std::size_t tail = 0;
    for (const auto& w : a.statement.words) {
      tail += 1;  // the count (each below 128)
      for (const std::uint32_t m : w.meanings) tail += m < 128 ? 1 : m < 16384 ? 2 : 3;
    }
    return tail;
  }());
  const auto two = decode(v2);
  REQUIRE(two);
  CHECK(two->statement.words.size() == a.statement.words.size());
  CHECK(std::all_of(two->statement.words.begin(), two->statement.words.end(),
                    [](const auto& w) { return w.meanings.empty(); }));
  // A version-1 analysis (one number, 5, written "5"): read, its number exact.
  const std::string v1(
      "\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x14\x40\x01"
      "5\x00\x00\x00\x00",
      19);
  const auto old = decode(v1);
  REQUIRE(old);
  REQUIRE(old->statement.numbers.size() == 1);
  CHECK(old->statement.numbers[0].value == 5);
  CHECK(old->statement.numbers[0].low == 5);
  CHECK(old->statement.numbers[0].high == 5);
  CHECK(old->statement.times.empty());
}

}  // namespace

// ---------------------------------------------------------------------------
// What a later statement must share to speak to a claim: the words a plan is
// about (not the plan's own word), the claim's actor, a real deadline.

TEST_CASE("relate: a word of modality before 'to' is not what a claim is about") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement plan = analyse_statement("Corvane plans to sell its oldest ferry");
  CHECK(plan.modality != Modality::realized);
  CHECK(std::none_of(plan.words.begin(), plan.words.end(), [](const Word& w) { return w.form == "plan"; }));
  const auto c = relate(plan, analyse_statement("Corvane sold its oldest ferry"), one);
  CHECK(c.relation == Relation::same);
  CHECK(c.realizes);
  // Without "to" the word is what the statement is about.
  const Statement noun = analyse_statement("Corvane's plan was approved");
  CHECK(std::any_of(noun.words.begin(), noun.words.end(), [](const Word& w) { return w.form == "plan"; }));
  // "expects to" and "is about to" are modality too.
  for (const char* text : {"Corvane expects to sell its oldest ferry", "Corvane is about to sell its oldest ferry"}) {
    CAPTURE(text);
    const Statement s = analyse_statement(text);
    CHECK(s.modality != Modality::realized);
    CHECK(relate(s, analyse_statement("Corvane sold its oldest ferry"), one).realizes);
  }
}

TEST_CASE("relate: the same predicate said of another named actor is another claim") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement a = analyse_statement("Dunford's council is expected to approve the harbour budget");
  CHECK(relate(a, analyse_statement("The Treasury approved the harbour budget on Friday"), one).relation ==
        Relation::different);
  CHECK(relate(a, analyse_statement("Dunford's council approved the harbour budget on Friday"), one).relation ==
        Relation::same);
  // A pronoun or a description is no other actor.
  CHECK(relate(a, analyse_statement("it approved the harbour budget on Friday"), one).relation == Relation::same);
  // Another predicate: the actor of one is not compared with the other's.
  CHECK(relate(analyse_statement("Halbrook is preparing to delay the launch of the Orla satellite"),
               analyse_statement("The Orla satellite was launched on Friday"), one)
            .relation != Relation::different);
}

TEST_CASE("deadlines: 'as soon as' and 'no earlier than' name the earliest day, not a deadline") {
  Comparison c;
  const Date pub{2025, 3, 4};
  for (const char* text : {"the museum could reopen as soon as Friday", "the museum will reopen no earlier than May",
                           "the museum will not reopen until May", "the museum won't reopen before May"}) {
    CAPTURE(text);
    const Statement a = analyse_statement(text, pub);
    CHECK(std::all_of(a.times.begin(), a.times.end(), [](const When& w) { return w.earliest && !w.deadline; }));
    CHECK(check_deadline(a, analyse_statement("the museum reopened on June 9", {2025, 6, 10}), {2025, 6, 10}, c) ==
          Timing::none);
  }
  const Statement by = analyse_statement("the museum will reopen by May", pub);
  CHECK(check_deadline(by, analyse_statement("the museum reopened on June 9", {2025, 6, 10}), {2025, 6, 10}, c) ==
        Timing::late);
}

TEST_CASE("dates: a day without a year in the past tense is the last one before the article") {
  const Date december{2022, 12, 8};
  const Statement done = analyse_statement("the council approved the harbour plan on April 28", december);
  REQUIRE(done.times.size() == 1);
  CHECK(done.times[0].year == 2022);
  REQUIRE(done.dates.size() == 1);
  CHECK(done.dates[0].value.iso() == "2022-04-28");
  // What will happen, or is set, keeps the nearest: next April.
  for (const char* text : {"the council will vote on the harbour plan on April 28", "the vote is set for April 28",
                           "the harbour reopens April 28"}) {
    CAPTURE(text);
    const Statement s = analyse_statement(text, december);
    REQUIRE(s.dates.size() == 1);
    CHECK(s.dates[0].value.iso() == "2023-04-28");
  }
}

TEST_CASE("relate: a figure both state counts as a rare word; a figure in a name is no figure") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement a = analyse_statement("Corvane would hold about 42 percent of the merged ferry operator");
  const double same_figure = relate(a, analyse_statement("Corvane will own 42% of the new operator"), one).score;
  const double other_figure = relate(a, analyse_statement("Corvane will own 30% of the new operator"), one).score;
  CHECK(same_figure > other_figure);
  // A small count tells little: no more than another small count.
  const Statement b = analyse_statement("Corvane would buy two ferries from the merged operator");
  CHECK(relate(b, analyse_statement("Corvane bought two boats"), one).score ==
        doctest::Approx(relate(b, analyse_statement("Corvane bought three boats"), one).score));
  // Digits in a name ("the 787 Dreamliner", "Falcon 9") are a word of the name.
  for (const char* text : {"the airline flew its first 787 Dreamliner", "Orbex launched a Falcon 9 rocket"}) {
    CAPTURE(text);
    const Statement s = analyse_statement(text);
    CHECK(s.numbers.empty());
  }
  CHECK(analyse_statement("the airline flew 787 passengers").numbers.size() == 1);
}

TEST_CASE("when: a year after 'into' or 'to' is a time; a noun 'plan' is no intention") {
  const Statement s = analyse_statement("the agency will push the launch into 2020", {2018, 3, 21});
  REQUIRE(s.times.size() == 1);
  CHECK(s.times[0].year == 2020);
  CHECK(analyse_statement("the opening was moved to 2027", {2025, 3, 1}).times.size() == 1);
  CHECK(analyse_statement("output will rise to 2,020 cars", {2025, 3, 1}).times.empty());
  CHECK(analyse_statement("the council approved the harbour plan").modality == Modality::realized);
  CHECK(analyse_statement("the council plans to approve the harbour budget").modality != Modality::realized);
}

TEST_CASE("numbers: a bound before a currency sign; a bound met by an approximation") {
  const Statement s = analyse_statement("savings of more than $5 billion a year");
  REQUIRE(!s.numbers.empty());
  CHECK(s.numbers[0].text == "more than 5 billion");
  CHECK(std::isinf(s.numbers[0].high));
  const Number more_than_5 = s.numbers[0];
  const Number about_6 = analyse_statement(
                             "a fee of about \xE2\x82\xAC"
                             "6 billion")
                             .numbers.at(0);
  const Number about_4 = analyse_statement(
                             "a fee of about \xC2\xA3"
                             "4 billion")
                             .numbers.at(0);
  CHECK(consistent(more_than_5, about_6));
  CHECK(consistent(about_6, more_than_5));
  CHECK_FALSE(consistent(more_than_5, about_4));
  // Two bounds or two approximations still name one figure only when close.
  CHECK_FALSE(consistent(analyse_statement("more than 60,000 fans").numbers.at(0),
                         analyse_statement("more than 80,000 fans").numbers.at(0)));
}

TEST_CASE("relate: another figure of another event is no update") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement lost = analyse_statement("Corvane lost 212 million crowns last year");
  const auto c = relate(lost, analyse_statement("Corvane must pay 40 million crowns into its pension fund"), one);
  CHECK(c.relation == Relation::different);
  const auto d = relate(lost, analyse_statement("Corvane lost 230 million crowns last year"), one);
  CHECK(d.relation == Relation::updated);
}

TEST_CASE("relate: a reporting frame opening a claim is not what it says") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement a = analyse_statement("Inspectors found that hundreds of fire doors did not close properly");
  CHECK(std::none_of(a.words.begin(), a.words.end(), [](const Word& w) { return w.form == "inspector"; }));
  CHECK(a.negated);
  CHECK(relate(a, analyse_statement("Hundreds of the fire doors still did not close reliably"), one).relation ==
        Relation::same);
  // Not a frame: a negated one, or a "that" far into the statement.
  CHECK_FALSE(analyse_statement("Inspectors did not find that the doors were faulty").words.empty());
  const Statement far = analyse_statement("The two inspectors from the county office found that doors were faulty");
  CHECK(std::any_of(far.words.begin(), far.words.end(), [](const Word& w) { return w.form == "county"; }));
}

TEST_CASE("relate: 'is preparing to' is modality; a sentence-initial possessive is a name") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement a = analyse_statement("Corvane is preparing to recall about 40,000 scooters");
  CHECK(a.modality != Modality::realized);
  CHECK(relate(a, analyse_statement("Corvane is recalling about 62,000 scooters"), one).relation == Relation::updated);
  // "Sprint's" opens the statement but names a company: another actor than the Treasury.
  const Statement b = analyse_statement("Harbour's board is expected to approve the sale on Saturday");
  CHECK(b.words.front().name);
  CHECK(relate(b, analyse_statement("The Treasury approved the sale on Friday"), one).relation == Relation::different);
}

TEST_CASE("relate: one post given to another named person contradicts") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement a = analyse_statement("Ann Ray, the bank's deputy, would become chairman of the merged bank");
  const auto other = relate(a, analyse_statement("Tom Bell will become chairman of the merged bank"), one);
  CHECK(other.relation == Relation::contradicted);
  CHECK(other.evidence.find("another holder") != std::string::npos);
  CHECK(relate(a, analyse_statement("Ann Ray will become chairman of the merged bank"), one).relation ==
        Relation::same);
  // Another post, or no post at all: only another actor.
  CHECK(relate(a, analyse_statement("Tom Bell will become chief executive of a rival lender"), one).relation !=
        Relation::contradicted);
  CHECK(relate(analyse_statement("Ann Ray would sell the merged bank"),
               analyse_statement("Tom Bell will sell the merged bank"), one)
            .relation == Relation::different);
}

TEST_CASE("relate: dropped plans and a missed date are denials; a denial of one day is no contradiction of another") {
  const auto one = [](const std::string&) { return 1.0; };
  CHECK(analyse_statement("Corvane dropped plans to sell the ferry").negated);
  CHECK(analyse_statement("the museum will miss its June 3 opening").negated);
  CHECK(relate(analyse_statement("Corvane would sell the old ferry"),
               analyse_statement("Corvane dropped plans to sell the old ferry"), one)
            .relation == Relation::contradicted);
  // Not on June 3, then open on another day: no contradiction, no moved date.
  const Statement miss = analyse_statement("the museum will miss its June 3 opening", {2025, 5, 1});
  const auto c = relate(miss, analyse_statement("the museum opened on Oct. 31", {2025, 11, 1}), one);
  CHECK(c.relation != Relation::contradicted);
  CHECK(c.relation != Relation::updated);
}

TEST_CASE("numbers: 'a little over' is about; figures fifty times apart are other quantities") {
  const Number n = analyse_statement("Corvane owns a little over 9 percent of the port").numbers.at(0);
  CHECK(n.low < 9);
  CHECK(n.high > 9);
  const auto one = [](const std::string&) { return 1.0; };
  const auto c = relate(analyse_statement("Corvane will sell the port at $54.20 a share"),
                        analyse_statement("Corvane will sell the port for $6.9 billion"), one);
  CHECK(c.relation == Relation::different);
  CHECK(c.why == "other quantities");
  CHECK(relate(analyse_statement("Corvane will cut 100 jobs at the port"),
               analyse_statement("Corvane will cut 1,200 jobs at the port"), one)
            .relation == Relation::updated);
  // "Each" and "Either" opening a statement are no names.
  CHECK(analyse_statement("Each side would pay a fee").words.front().form != "each");
}

TEST_CASE("relate: a subject, an aside, then the predicate: the subject and its predicate are the main clause") {
  const auto one = [](const std::string&) { return 1.0; };
  const Statement a =
      analyse_statement("Ann Ray, who also chairs the regional port authority, has no intention of stepping down");
  const auto c = relate(a, analyse_statement("Ann Ray resigned as chairwoman on Friday"), one);
  CHECK(c.relation == Relation::contradicted);
  // Someone else resigning says nothing of her.
  CHECK(relate(a, analyse_statement("Tom Bell resigned on Friday"), one).relation == Relation::different);
}
