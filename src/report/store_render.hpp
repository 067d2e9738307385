// Rendering what the store holds: claim lists, sources, and the tracking
// memo of `track` / `diff`, for people (text) and for programs (JSON). Text
// goes through util::printable (no terminal control characters).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/queries.hpp"
#include "track/track.hpp"

namespace claimtrail::report {

nlohmann::json claim_json(const store::ClaimRecord& c);
nlohmann::json claims_json(const std::vector<store::ClaimRecord>& claims);
// One piece of evidence without its later claim: the link's id, the later
// claim's id, status, the fact-checker's review, score, old and new values.
nlohmann::json evidence_json(const store::EvidenceLink& e);
// With `evidence` (one list per claim, as track::evidence_of gives it), each
// claim's evidence too.
std::string claims_text(const std::vector<store::ClaimRecord>& claims,
                        const std::vector<std::vector<store::EvidenceLink>>* evidence = nullptr);

nlohmann::json sources_json(const std::vector<store::SourceRecord>& sources);
std::string sources_text(const std::vector<store::SourceRecord>& sources);

nlohmann::json track_json(const track::Report& r);
std::string track_text(const track::Report& r);

}  // namespace claimtrail::report
