// Report renderings: text (a memo), Markdown, JSON, CSV and one
// self-contained HTML page. Text, Markdown, CSV and HTML carry no control
// character but newline and tab (others shown as \x1b, \u009b: see
// util::printable) and no invalid UTF-8.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/report.hpp"

namespace claimtrail::report {

std::string to_text(const ArticleReport& r);
std::string to_markdown(const ArticleReport& r);
nlohmann::json to_json(const ArticleReport& r);
// One row per claim (RFC 4180 quoting), with a header.
std::string to_csv(const std::vector<ClaimEntry>& claims);
std::string to_html(const ArticleReport& r);

std::string to_text(const ThreadReport& r);
std::string to_markdown(const ThreadReport& r);
nlohmann::json to_json(const ThreadReport& r);
std::string to_html(const ThreadReport& r);

std::string to_text(const OutletReport& r);
nlohmann::json to_json(const OutletReport& r);
std::string to_text(const SourceReport& r);
nlohmann::json to_json(const SourceReport& r);

// How every report shows a claim that has no source: an unattributed claim
// (the outlet's own voice) or an attribution whose source the article does
// not give ("is expected to ...").
inline constexpr std::string_view kNoSource = "(no source)";
inline bool has_source(const store::ClaimRecord& c) { return c.kind != "unattributed" && !c.source_text.empty(); }

// One piece of evidence on one line: "updated by X (category), doc (date):
// was A, now B".
std::string evidence_line(const Link& l);

// A claim's hedges ("reportedly, may"), joined by commas.
std::string hedges_of(const store::ClaimRecord& c);

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled;
// other control characters escaped and invalid UTF-8 replaced (util::printable).
std::string csv_field(const std::string& s);

}  // namespace claimtrail::report
