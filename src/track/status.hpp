// A claim's status, decided in one place from all of its evidence
// (docs/status-rules.md). `track` decides it over the links it stored,
// a fact-checker's review of a link decides it again, and `diff` decides
// it over its comparison alone (shown, never stored); every other command
// reads what was stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "article/dates.hpp"
#include "match/claim_analysis.hpp"
#include "store/queries.hpp"

namespace claimtrail::track {

// What the rules need to know of the claim itself.
struct ClaimFacts {
  bool prediction = false;      // it says what will (or may) happen
  std::optional<int> deadline;  // the last day its dates allow (a prediction's), as a day number
  std::string deadline_text;    // that date as written ("by September 2025")
  std::string date_note;        // set when a date it names could not be placed (no year known)
};

// The facts of a claim from its stored analysis, made on `published` (its
// article's date; invalid when unknown). A prediction's deadline is the
// latest of its dates that bound it ("by", "until", "end of") or that are
// not yet past when it was made ("this month", "on March 4"; not "the cap
// set in 2011"). `text` tells a date that could not be placed.
ClaimFacts facts_of(const match::ClaimAnalysis& analysis, const std::string& text, const article::Date& published);

// Today, as a day number (the system clock, UTC).
int today();

// THE status of a claim from all its evidence (`evidence`: every link,
// rejected ones included). Rejected links no longer count and leave the
// list; when a fact-checker confirmed any link, only confirmed links decide.
// The latest evidence that judges the claim (confirmed, updated,
// contradicted) decides, by the date of its article (a later report that a
// prediction was met late, after one that it was unmet, makes it updated);
// on the record outranks anonymous: corroborated only when nothing judged
// it. No deciding evidence: unaddressed, flagged overdue when the claim is
// a prediction whose deadline is before `today`. On return `evidence` holds
// what is shown everywhere: the deciding link first, then the rest in the
// order they appeared (the timeline).
store::DecidedStatus decide(const ClaimFacts& claim, std::vector<store::EvidenceLink>& evidence, int today);

}  // namespace claimtrail::track
