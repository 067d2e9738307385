// Reading the JSON the store keeps in text columns: span lists
// ("[[start,end],...]", byte offsets into the article text), hedges,
// dates and source descriptors.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/analysis.hpp"

namespace claimtrail::store {

// The column parsed, or `fallback` when it is empty or not JSON.
nlohmann::json parse_json_column(const std::string& s, nlohmann::json fallback);

// The well-formed [start, end] pairs of a span column, in order; anything
// else in it is skipped. Offsets are returned as stored, not clipped.
core::Spans parse_spans(const std::string& s);

}  // namespace claimtrail::store
