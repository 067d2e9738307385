// Exports for publishing and annotation: schema.org ClaimReview JSON-LD for
// the claims with a verdict, CSV for spreadsheets, and brat standoff in the
// PolNeAR layout (so annotators can correct claimtrail in brat and score it).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/store.hpp"

namespace claimtrail::report {

struct ClaimReviewOptions {
  std::string org;  // the fact-checking organisation (required)
  std::string org_url;
  std::string review_url_base;  // a claim's review URL is this + its id
};

// A verdict as a rating (the number-to-words mapping is fixed and
// documented): refuted 1 "False", disputed 2 "Disputed", unverified 3
// "Unverified", confirmed 4 "True"; worst 1, best 4.
struct Rating {
  int value;
  const char* words;
};
Rating rating_of(const std::string& verdict);

// One ClaimReview per claim with a verdict (its latest), as a JSON array.
nlohmann::json claimreview(store::Store& st, const ClaimReviewOptions& o);

// Every claim (or one article's), one row each, RFC 4180.
std::string claims_csv(store::Store& st, std::optional<std::int64_t> article);

// Writes DIR/text/NAME.txt and DIR/attributions/NAME_claimtrail.ann for every
// stored article (or one); top-level attributions only, as PolNeAR. NAME is
// the article's id made a file name by util::UniqueStems (kept when it is
// already a safe one; never a path; unique within the export). DIR must not
// exist or be an empty folder: the export is written to a folder beside it
// and renamed into place, so DIR ends up whole or as it was. Returns how many
// articles were written. Throws core::Error naming DIR when it holds files,
// or on a write failure.
std::size_t export_brat(store::Store& st, const std::filesystem::path& dir, std::optional<std::int64_t> article);

}  // namespace claimtrail::report
