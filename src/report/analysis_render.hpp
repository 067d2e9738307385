// Rendering an analysis for people (text) and programs (JSON, SPEC section 3).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "core/analysis.hpp"
#include "core/spans.hpp"

namespace claimtrail::report {

// The SPEC section 3 object for one article. `text` is the analysed text the
// spans point into; `doc` the article id.
nlohmann::json to_json(const core::Analysis& a, std::string_view text, std::string_view doc);

// The same object written to `out` as to_json(a, text, doc).dump(indent)
// would write it (invalid UTF-8 replaced), byte for byte, without holding
// the whole document: each element of its arrays is built and written in
// turn, so memory stays bounded on an article of any size.
// `extra` holds further top-level fields ("tagger", ...).
void write_json(std::ostream& out, const core::Analysis& a, std::string_view text, std::string_view doc,
                int indent = -1, const nlohmann::json& extra = nlohmann::json::object());

// The summary block alone: top-level body attributions, by category, and the
// share resting on anonymous sources.
nlohmann::json summary(const core::Analysis& a);

// A report for people: one row per attribution, then non-responses, source
// descriptions, unattributed claims and a summary line. Control characters
// other than newline and tab are shown escaped (util::printable).
std::string to_text(const core::Analysis& a, std::string_view text, std::string_view doc);

}  // namespace claimtrail::report
