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
std::string claims_text(const std::vector<store::ClaimRecord>& claims);

nlohmann::json sources_json(const std::vector<store::SourceRecord>& sources);
std::string sources_text(const std::vector<store::SourceRecord>& sources);

nlohmann::json track_json(const track::Report& r);
std::string track_text(const track::Report& r);

}  // namespace claimtrail::report
