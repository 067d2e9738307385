// What became of an article's claims: each claim of an earlier article is
// compared with the claims of later articles (found through the full-text
// index) and given one status with its evidence: confirmed on the record,
// corroborated by other unnamed sources, updated (another number or date),
// contradicted, or unaddressed. Claims of the later articles that match
// nothing are listed as new. The comparison is over what the store returns:
// each claim's analysis is the one stored with it (store/tracking.hpp),
// never made again here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/queries.hpp"

namespace claimtrail::track {

// A later claim speaking to a claim (store/queries.hpp): its status for
// the claim, the fact-checker's review, and the later claim itself.
using Evidence = store::EvidenceLink;

struct TrackedClaim {
  store::ClaimRecord claim;  // as stored; after `track`, with the status it decided
  std::string status;        // confirmed | corroborated | updated | contradicted | unaddressed
  bool overdue = false;      // unaddressed, its deadline passed
  std::string note;          // why it could not be fully judged, when so
  // The deciding evidence first, then the rest as they appeared (rejected
  // links left out): what every command shows (track/status.hpp).
  std::vector<Evidence> evidence;
};

struct Report {
  std::int64_t article_id = 0;
  std::string doc, outlet, published, headline;
  std::vector<std::int64_t> later;  // the articles compared against
  std::vector<TrackedClaim> claims;
  std::vector<store::ClaimRecord> fresh;  // new claims of the later articles of the thread
  bool recorded = false;                  // false for a diff: no stored status changed
  std::string date_note;                  // how the article's date was known: inferred, relative or unknown
};

struct Options {
  // Compare with these articles only (diff); otherwise every later article.
  std::optional<std::vector<std::int64_t>> against;
  // Store the links, each claim's status decided from all its stored
  // evidence, and the tracking time. A diff (against) never records: it
  // shows its comparison, and the status that comparison alone would give.
  bool record = true;
  std::size_t candidates = 30;  // per claim, from the full-text index
  std::optional<int> today;     // the day deadlines are judged against (day number); default: today
};

// Throws core::Error for an unknown article.
Report track(store::Store& store, std::int64_t article, const Options& options = {});

// A claim's evidence as every command shows it: its stored links, rejected
// ones left out, the deciding one first, then the timeline (status.hpp).
std::vector<Evidence> evidence_of(store::Store& store, std::int64_t claim);

// A fact-checker (`reviewer`) confirms or rejects one evidence link
// (`review`: confirmed | rejected), with a note; the claim's status is decided again
// from all its stored evidence. Returns the claim. Throws core::Error for
// an unknown link.
std::int64_t review_evidence(store::Store& store, std::int64_t link, const std::string& review,
                             const std::string& reviewer, const std::string& note, const Options& options = {});

}  // namespace claimtrail::track
