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

struct Evidence {
  std::int64_t claim_id = 0;  // the later claim
  std::int64_t article_id = 0;
  std::string doc, outlet, url, published;
  std::string text, source_text, category, kind;
  std::string status;  // confirmed | corroborated | updated | contradicted | restated
  double score = 0;
  std::string old_value, new_value;
  std::string why;
};

struct TrackedClaim {
  store::ClaimRecord claim;
  std::string status;              // confirmed | corroborated | updated | contradicted | unaddressed
  std::vector<Evidence> evidence;  // strongest first
};

struct Report {
  std::int64_t article_id = 0;
  std::string doc, outlet, published, headline;
  std::vector<std::int64_t> later;  // the articles compared against
  std::vector<TrackedClaim> claims;
  std::vector<store::ClaimRecord> fresh;  // new claims of the later articles of the thread
};

struct Options {
  // Compare with these articles only (diff); otherwise every later article.
  std::optional<std::vector<std::int64_t>> against;
  bool record = true;           // store the links and the tracking time
  std::size_t candidates = 30;  // per claim, from the full-text index
};

// Throws core::Error for an unknown article.
Report track(store::Store& store, std::int64_t article, const Options& options = {});

}  // namespace claimtrail::track
