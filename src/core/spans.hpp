// Spans as text and as JSON: how every output shows what a span covers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/analysis.hpp"

namespace claimtrail::core {

// The text of spans, fragments joined by " … "; of one span, its text
// (empty when it does not lie inside `text`).
std::string span_text(std::string_view text, const Spans& spans);
std::string span_text(std::string_view text, Span s);

// Spans as the JSON array [[start, end], ...] of byte offsets.
nlohmann::json spans_json(const Spans& spans);

}  // namespace claimtrail::core
