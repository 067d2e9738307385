// The claim matcher's two halves, in the manner of re2's parse tests: a table
// of statements and what analyse_statement() should find in them (numbers in
// words and digits, dates resolved against a publication date, negation,
// modality, voice), and tables of statement pairs with the relation a
// fact-checker gives them under compare() and relate(). The expected values
// are what a careful reader expects; rows where the code disagrees are kept,
// commented `// known: ...`, and left out of the assertions (`known = true`).
// The sentences are invented for these tables.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "article/dates.hpp"
#include "match/compare.hpp"
#include "match/statement.hpp"

using claimtrail::article::Date;
using claimtrail::match::analyse_statement;
using claimtrail::match::compare;
using claimtrail::match::Modality;
using claimtrail::match::relate;
using claimtrail::match::Relation;
using claimtrail::match::Statement;

namespace {

// A Wednesday, the publication date of most rows.
constexpr Date kWed{2024, 9, 4};

const char* modality_name(Modality m) {
  return m == Modality::realized ? "realized" : m == Modality::future ? "future" : "hedged";
}

std::string join_numbers(const Statement& s) {
  std::string out;
  for (const auto& n : s.numbers) {
    if (!out.empty()) out += " ";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", n.value);
    out += buf;
  }
  return out;
}

std::string join_dates(const Statement& s) {
  std::string out;
  for (const auto& d : s.dates) out += (out.empty() ? "" : " ") + d.value.iso();
  return out;
}

// ---------------------------------------------------------------------------
// analyse_statement: one statement, what it holds.

constexpr Modality R = Modality::realized, Fut = Modality::future, H = Modality::hedged;

struct StatementRow {
  std::string_view text;
  Date published;
  std::string_view numbers;  // values, space-separated, in order
  std::string_view dates;    // resolved, ISO, space-separated, in order
  bool negated;
  Modality modality;
  bool passive;
  bool known = false;
};

const StatementRow kStatements[] = {
    // Numbers, in digits and in words.
    {"The council will build 300 homes", kWed, "300", "", false, Fut, false},
    {"Five thousand workers joined the strike", kWed, "5000", "", false, R, false},
    {"Twenty-five people were injured by the blast", kWed, "25", "", false, R, true},
    {"The firm raised $3.2 million from investors", kWed, "3200000", "", false, R, false},
    {"The city hired 1,250 nurses and two hundred doctors", kWed, "1250 200", "", false, R, false},
    {"Half of the staff stayed at home", kWed, "50", "", false, R, false},
    {"Prices rose 4.5% last year", kWed, "4.5", "2023", false, R, false},
    {"Police detained 12 people", kWed, "12", "", false, R, false},
    {"Nearly two dozen buses were burned", kWed, "24", "", false, R, false},
    {"A million people marched in the capital", kWed, "1000000", "", false, R, false},
    {"One hundred and twenty jobs were lost", kWed, "120", "", false, R, false},
    // Dates, resolved against the publication date.
    {"The vote is set for Sept. 6", {2024, 8, 20}, "", "2024-09-06", false, R, false},
    {"The embassy reopens Jan. 3", {2024, 12, 20}, "", "2025-01-03", false, R, false},
    {"The bridge collapsed yesterday", kWed, "", "2024-09-03", false, R, false},
    {"The talks collapsed yesterday", kWed, "", "2024-09-03", false, R, false},
    {"The mayor met the strikers on Monday", kWed, "", "2024-09-02", false, R, false},
    {"The plant will close by the end of 2026", kWed, "", "2026", false, Fut, false},
    {"Rents will rise next month", {2024, 12, 10}, "", "2025-01", false, Fut, false},
    {"The ceasefire began on 27 August 2024", kWed, "", "2024-08-27", false, R,
     false},  // a date's figures are no numbers
    {"The strike will end on Friday", kWed, "", "2024-09-06", false, Fut, false},
    // Negation.
    {"The ministry did not confirm the figure", kWed, "", "", true, R, false},
    {"The company denied the report", kWed, "", "", true, R, false},
    {"Nobody was hurt in the fire", kWed, "", "", true, R, false},
    {"The union says it will never accept the offer", kWed, "", "", true, Fut, false},
    {"The mayor won't resign", kWed, "", "", true, Fut, false},
    {"The firm will close pit No. 4 next year", kWed, "4", "2025", false, Fut, false},  // "No." a label, no "no"
    {"The crews have yet to finish the tests", kWed, "", "", true, R, false},           // "yet to": not done
    // Modality.
    {"The union may strike next week", kWed, "", "2024-09", false, H, false},
    {"The bank is expected to cut rates", kWed, "", "", false, H, false},
    {"The company is going to sell the plant", kWed, "", "", false, Fut, false},
    {"Ministers plan to raise taxes", kWed, "", "", false, H, false},
    {"Police may have killed two men", kWed, "2", "", false, H, false},
    // Voice.
    {"The budget was approved by parliament", kWed, "", "", false, R, true},
    {"Parliament approved the budget", kWed, "", "", false, R, false},
    {"The clinic was built by volunteers", kWed, "", "", false, R, true},
    {"The report was ready by noon", kWed, "", "", false, R, false},
    {"The hostages were freed by the rebels", kWed, "", "", false, R, true},
};

TEST_CASE("match: a statement's numbers, dates, polarity, modality and voice") {
  for (const StatementRow& r : kStatements) {
    CAPTURE(r.text);
    const Statement s = analyse_statement(r.text, r.published);
    if (r.known) continue;
    CHECK(join_numbers(s) == r.numbers);
    CHECK(join_dates(s) == r.dates);
    CHECK(s.negated == r.negated);
    CHECK(std::string(modality_name(s.modality)) == std::string(modality_name(r.modality)));
    CHECK(s.passive == r.passive);
  }
}

// ---------------------------------------------------------------------------
// compare(): does b say the same as a?

struct PairRow {
  std::string_view a, b;
  Relation relation;
  std::string_view old_value = {}, new_value = {};  // for `updated`
  bool realizes = false;
  bool known = false;
};

const PairRow kCompare[] = {
    // The same, in other words.
    {"The council approved the budget on Tuesday", "On Tuesday the council approved the budget", Relation::same},
    {"The firm will cut five hundred jobs", "The firm will cut 500 jobs", Relation::same},
    {"Prices rose 3 percent", "Prices climbed 3%", Relation::same},
    {"The U.S. will withdraw its troops", "The United States will pull out its soldiers", Relation::same},
    {"The trial opens on Sept. 10", "The trial opens on 10 September", Relation::same},
    {"The vote was held yesterday", "The vote was held on Tuesday", Relation::same},
    {"The budget was approved by parliament", "Parliament approved the budget", Relation::same},
    {"The company acquired a rival", "Halvard acquired a rival", Relation::same},
    // Words of one meaning, by WordNet's first senses (no table of ours lists these).
    {"The union endorsed the pay offer", "The union backed the pay offer", Relation::same},
    {"Officials began the evacuation of the valley", "Officials started evacuating the valley", Relation::same},
    {"The council will raze the depot", "The council will demolish the depot", Relation::same},
    {"The agency fixed the pumps", "The agency repaired the pumps", Relation::same},
    // Updated: another number or date.
    {"The storm killed 12 people", "The storm killed 19 people", Relation::updated, "12", "19"},
    {"The fire destroyed forty homes", "The fire destroyed 52 homes", Relation::updated, "forty", "52"},
    {"Officials counted two thousand protesters", "Officials counted 3,500 protesters", Relation::updated,
     "two thousand", "3,500"},
    {"The plant will close in March 2025", "The plant will close in June 2025", Relation::updated, "March 2025",
     "June 2025"},
    {"The trial opens on Sept. 10", "The trial opens on Oct. 2", Relation::updated, "Sept. 10", "Oct. 2"},
    // Contradicted.
    {"The minister will resign", "The minister will not resign", Relation::contradicted},
    {"The company confirmed the merger", "The company denied the merger", Relation::contradicted},
    {"Nobody was injured in the crash", "Three people were injured in the crash", Relation::contradicted},
    {"The tram will keep running", "The tram will stop running", Relation::contradicted},
    // Different.
    {"The union called a strike at the port", "The union called a strike at the airport", Relation::different},
    {"Germany beat France in the final", "France beat Germany in the final", Relation::different},
    {"The rebels were attacked by the army", "The army was attacked by the rebels", Relation::different},
    {"The company will cut 1,200 jobs in Germany", "The company will cut 1,200 jobs in France", Relation::different},
    {"The mayor opened a new library", "Flooding closed the main road", Relation::different},
    {"The bank may raise rates", "The bank will raise rates", Relation::different},
    {"The agency fixed the pumps", "The agency broke the pumps", Relation::different},
    // A plan, then reported as done: not the same statement, but its realisation.
    {"The city will close the bridge", "The city closed the bridge", Relation::different, {}, {}, true},
    {"The council will build a bridge", "The council built a bridge", Relation::different, {}, {}, true},
};

TEST_CASE("match: compare() tells the same, an update, a contradiction and another statement apart") {
  for (const PairRow& r : kCompare) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    const auto c = compare(analyse_statement(r.a, kWed), analyse_statement(r.b, kWed));
    CAPTURE(c.why);
    if (r.known) continue;
    CHECK(std::string(to_string(c.relation)) == std::string(to_string(r.relation)));
    CHECK(c.old_value == r.old_value);
    CHECK(c.new_value == r.new_value);
    CHECK(c.realizes == r.realizes);
  }
}

// ---------------------------------------------------------------------------
// relate(): does a later statement b speak to an earlier claim a? Every word
// weighs the same here.

const PairRow kRelate[] = {
    {"The council approved the budget after a long debate", "The council approved the budget", Relation::same},
    {"Under the plan, the city will sell the stadium to a developer", "The city will sell the stadium", Relation::same},
    {"Production was halted at the plant", "Production stopped at the plant and will not restart", Relation::same},
    {"The new terminal will open by June 2026", "The new terminal will now open by October 2026", Relation::updated,
     "by June 2026", "by October 2026"},
    // known: the old date is given as "end of 2026": "by the" is left out of the date's text
    {"The embassy will reopen by the end of 2026", "The embassy will reopen until September 2026", Relation::updated,
     "by the end of 2026", "until September 2026", false, true},
    {"The company will cut 1,200 jobs", "The company will now cut 1,500 jobs", Relation::updated, "1,200", "1,500"},
    // known: b's silence on the plants counts as a change of number: old "1,200, two"
    {"The company will cut 1,200 jobs and close two plants in Ohio", "The company will cut 1,500 jobs",
     Relation::updated, "1,200", "1,500", false, true},
    {"The factory will reopen next year", "The factory will not reopen", Relation::contradicted},
    {"The ferry service to the island will continue", "The ferry service to the island will not continue",
     Relation::contradicted},
    {"The mayor opened a library", "The river flooded the town", Relation::different},
    // a share is not replaced by a length of time, nor a count by a share
    {"The city and the region each own 40 percent of the harbour company",
     "The city and the region opened the harbour company's new quay nine years late", Relation::same},
    {"The harbour company employs 900 dockers", "The harbour company cut its dockers' pay by 5 percent",
     Relation::same},
    {"The works will shut furnace No. 2 by March", "The works shut furnace No. 2 in May", Relation::same},
    // an antonym says the opposite only of the claim's own predicate and what it bears on
    {"Lakeport Motors will buy Vessa Batteries", "Lakeport Motors sold its stake in Orrin Cables", Relation::different},
    {"The board approved the purchase of the mill", "The buyers of the mill were named after the council sold the site",
     Relation::different},
    {"Lakeport Motors will buy Vessa Batteries", "Lakeport Motors will sell Vessa Batteries", Relation::contradicted},
    // an amount rounded to two or more digits is the same amount; one digit is another figure
    {"Lakeport Motors will buy Vessa Batteries for $68.7 billion",
     "Lakeport Motors bought Vessa Batteries for $69 billion", Relation::same},
    {"Lakeport Motors will buy Vessa Batteries for $3.4 billion",
     "Lakeport Motors bought Vessa Batteries for $3 billion", Relation::updated, "3.4 billion", "3 billion"},
    {"The port workers will strike on Monday", "The nurses marched to the ministry", Relation::different},
};

TEST_CASE("match: relate() finds a later statement that speaks to a claim, and how") {
  const claimtrail::match::WordWeight one = [](const std::string&) { return 1.0; };
  for (const PairRow& r : kRelate) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    const auto c = relate(analyse_statement(r.a, kWed), analyse_statement(r.b, kWed), one);
    CAPTURE(c.why);
    if (r.known) continue;
    CHECK(std::string(to_string(c.relation)) == std::string(to_string(r.relation)));
    CHECK(c.old_value == r.old_value);
    CHECK(c.new_value == r.new_value);
  }
}

}  // namespace
