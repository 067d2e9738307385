#include "report/store_render.hpp"
#include "core/categories.hpp"

#include <cstdio>
#include <map>
#include <sstream>

#include "report/analysis_render.hpp"
#include "report/render.hpp"
#include "store/json_columns.hpp"
#include "util/printable.hpp"

namespace claimtrail::report {

using core::span_text;
using core::spans_json;
using util::shorten;

using nlohmann::json;

namespace {

std::string score_text(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

std::string source_line(const std::string& text, const std::string& category) {
  if (text.empty()) return std::string(kNoSource);
  return text + " (" + category + ")";
}

}  // namespace

json claim_json(const store::ClaimRecord& c) {
  json j(json::value_t::object);
  j["id"] = c.id;
  j["article"] = {
      {"id", c.article_id}, {"doc", c.doc}, {"outlet", c.outlet}, {"published", c.published}, {"url", c.url}};
  j["kind"] = c.kind;
  j["headline"] = c.in_headline;
  j["parent"] = c.parent_id ? json(*c.parent_id) : json(nullptr);
  j["text"] = c.text;
  j["cue"] = c.cue.empty() ? json(nullptr) : json(c.cue);
  if (c.kind == "unattributed") {
    j["source"] = nullptr;
  } else {
    j["source"] = {{"text", c.source_text},
                   {"name", c.source_name},
                   {"id", c.source_id ? json(*c.source_id) : json(nullptr)},
                   {"category", c.category},
                   {"anonymous", c.anonymous}};
  }
  j["hedges"] = store::parse_json_column(c.hedges, json::array());
  j["dates"] = store::parse_json_column(c.dates, json::array());
  j["status"] = c.status;
  j["overdue"] = c.overdue;
  j["status_note"] = c.status_note.empty() ? json(nullptr) : json(c.status_note);
  j["verdict"] =
      c.verdict.empty() ? json(nullptr) : json{{"verdict", c.verdict}, {"note", c.verdict_note}, {"at", c.verdict_at}};
  j["rejected"] = c.rejected;
  return j;
}

json evidence_json(const store::EvidenceLink& e) {
  return {{"link", e.id == 0 ? json(nullptr) : json(e.id)},
          {"later", e.later.id},
          {"status", e.status},
          {"review", e.review},
          {"score", e.score},
          {"old", e.old_value.empty() ? json(nullptr) : json(e.old_value)},
          {"new", e.new_value.empty() ? json(nullptr) : json(e.new_value)},
          {"why", e.why.empty() ? json(nullptr) : json(e.why)}};
}

json claims_json(const std::vector<store::ClaimRecord>& claims) {
  json a = json::array();
  for (const auto& c : claims) a.push_back(claim_json(c));
  return a;
}

std::string claims_text(const std::vector<store::ClaimRecord>& claims,
                        const std::vector<std::vector<store::EvidenceLink>>* evidence) {
  std::ostringstream out;
  std::int64_t article = -1;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i];
    if (c.article_id != article) {
      article = c.article_id;
      out << "== article " << c.article_id << ": " << c.doc;
      if (!c.outlet.empty() || !c.published.empty())
        out << " (" << c.outlet << (c.outlet.empty() || c.published.empty() ? "" : ", ") << c.published << ")";
      out << '\n';
    }
    out << "#" << c.id << "  " << c.kind << (c.in_headline ? " [headline]" : "") << "  "
        << (!has_source(c) ? std::string(kNoSource) : source_line(shorten(c.source_text, 60), c.category))
        << (c.anonymous ? " anonymous" : "") << "  status: " << c.status << (c.overdue ? " (overdue)" : "");
    if (!c.verdict.empty()) out << "  verdict: " << c.verdict;
    if (c.rejected) out << "  [rejected]";
    out << "\n    " << shorten(c.text, 150) << '\n';
    if (evidence && i < evidence->size() && !(*evidence)[i].empty()) {
      out << "    evidence:";
      for (const auto& e : (*evidence)[i])
        out << " #" << e.later.id << " " << e.status << (e.review == "suggested" ? "" : " (" + e.review + ")") << ';';
      out << '\n';
    }
    if (!c.status_note.empty()) out << "    not judged in full: " << c.status_note << '\n';
  }
  out << claims.size() << (claims.size() == 1 ? " claim\n" : " claims\n");
  return util::printable(out.str());
}

json sources_json(const std::vector<store::SourceRecord>& sources) {
  json a = json::array();
  for (const auto& s : sources)
    a.push_back({{"id", s.id},
                 {"name", s.name},
                 {"category", s.category},
                 {"anonymous", core::facts(s.category) && core::facts(s.category)->anonymous},
                 {"descriptors", store::parse_json_column(s.descriptors, json::object())},
                 {"merged_into", s.merged_into ? json(*s.merged_into) : json(nullptr)},
                 {"claims", s.claims},
                 {"articles", s.articles}});
  return a;
}

std::string sources_text(const std::vector<store::SourceRecord>& sources) {
  std::ostringstream out;
  for (const auto& s : sources) {
    out << "#" << s.id << "  " << s.category << "  " << shorten(s.name, 70) << "  " << s.claims
        << (s.claims == 1 ? " claim" : " claims") << " in " << s.articles
        << (s.articles == 1 ? " article" : " articles");
    if (s.merged_into) out << "  (merged into #" << *s.merged_into << ")";
    out << '\n';
  }
  out << sources.size() << (sources.size() == 1 ? " source\n" : " sources\n");
  return util::printable(out.str());
}

json track_json(const track::Report& r) {
  json j(json::value_t::object);
  j["article"] = {
      {"id", r.article_id}, {"doc", r.doc}, {"outlet", r.outlet}, {"published", r.published}, {"headline", r.headline}};
  j["against"] = r.later;
  j["recorded"] = r.recorded;
  j["date_note"] = r.date_note.empty() ? json(nullptr) : json(r.date_note);
  json claims = json::array();
  for (const auto& tc : r.claims) {
    json c(json::value_t::object);
    c["id"] = tc.claim.id;
    c["text"] = tc.claim.text;
    c["kind"] = tc.claim.kind;
    c["source"] =
        tc.claim.kind == "unattributed"
            ? json(nullptr)
            : json{{"text", tc.claim.source_text}, {"category", tc.claim.category}, {"anonymous", tc.claim.anonymous}};
    c["status"] = tc.status;
    c["overdue"] = tc.overdue;
    c["note"] = tc.note.empty() ? json(nullptr) : json(tc.note);
    if (!r.recorded) c["stored_status"] = tc.claim.status;
    json ev = json::array();
    for (const auto& e : tc.evidence) {
      const auto& l = e.later;
      ev.push_back({{"link", e.id == 0 ? json(nullptr) : json(e.id)},
                    {"claim", l.id},
                    {"article", l.article_id},
                    {"doc", l.doc},
                    {"outlet", l.outlet},
                    {"url", l.url},
                    {"published", l.published},
                    {"text", l.text},
                    {"source", l.kind == "unattributed" ? json(nullptr)
                                                        : json{{"text", l.source_text}, {"category", l.category}}},
                    {"status", e.status},
                    {"review", e.review},
                    {"score", e.score},
                    {"old", e.old_value.empty() ? json(nullptr) : json(e.old_value)},
                    {"new", e.new_value.empty() ? json(nullptr) : json(e.new_value)},
                    {"why", e.why}});
    }
    c["evidence"] = std::move(ev);
    claims.push_back(std::move(c));
  }
  j["claims"] = std::move(claims);
  json fresh = json::array();
  for (const auto& c : r.fresh) fresh.push_back(claim_json(c));
  j["new"] = std::move(fresh);
  return j;
}

std::string track_text(const track::Report& r) {
  std::ostringstream out;
  out << "Article " << r.article_id << ": " << (r.headline.empty() ? r.doc : shorten(r.headline, 90)) << '\n';
  out << "  " << (r.outlet.empty() ? "(outlet unknown)" : r.outlet) << ", "
      << (r.published.empty() ? "(date unknown)" : r.published) << "; " << r.claims.size() << " claims, compared with "
      << r.later.size() << (r.later.size() == 1 ? " later article" : " later articles") << ".\n";
  if (!r.date_note.empty()) out << "  Dates: " << r.date_note << ".\n";
  if (!r.recorded)
    out << "  A comparison only: the statuses below are what this article alone would give; no stored status\n"
           "  changed (`track` decides those, from all the evidence).\n";
  struct Section {
    const char* status;
    const char* title;
  };
  const Section sections[] = {
      {"contradicted", "CONTRADICTED"},         {"updated", "UPDATED (a number or date changed)"},
      {"confirmed", "CONFIRMED ON THE RECORD"}, {"corroborated", "CORROBORATED, STILL UNNAMED"},
      {"unaddressed", "UNADDRESSED"},
  };
  for (const auto& sec : sections) {
    std::vector<const track::TrackedClaim*> in;
    for (const auto& tc : r.claims)
      if (tc.status == sec.status) in.push_back(&tc);
    out << '\n' << sec.title << " (" << in.size() << ")\n";
    if (std::string_view(sec.status) == "unaddressed") {
      std::size_t anon = 0;
      for (const auto* tc : in) anon += tc->claim.anonymous ? 1 : 0;
      if (anon) out << "  " << anon << " of them rest on anonymous sources alone.\n";
    }
    for (const auto* tc : in) {
      const auto& c = tc->claim;
      out << "  #" << c.id << " \"" << shorten(c.text, 110) << "\"\n      "
          << (!has_source(c) ? std::string(kNoSource) : source_line(shorten(c.source_text, 60), c.category)) << '\n';
      if (tc->overdue) out << "      overdue: its deadline passed with no report\n";
      if (!tc->note.empty()) out << "      not judged in full: " << tc->note << '\n';
      if (!r.recorded && tc->claim.status != tc->status) out << "      stored status: " << tc->claim.status << '\n';
      if (std::string_view(sec.status) == "unaddressed") continue;
      // Every piece of evidence, the deciding one first.
      for (const auto& e : tc->evidence) {
        const auto& l = e.later;
        out << "      " << e.status << " by "
            << (!has_source(l) ? std::string(kNoSource) : source_line(shorten(l.source_text, 60), l.category)) << ", "
            << l.doc << (l.published.empty() ? "" : " (" + l.published + ")") << ", score " << score_text(e.score)
            << (e.review == "suggested" ? "" : ", " + e.review + " by a fact-checker") << '\n';
        if (!e.old_value.empty() || !e.new_value.empty())
          out << "        was: " << e.old_value << "  now: " << e.new_value << '\n';
        out << "        \"" << shorten(l.text, 110) << "\"\n";
      }
    }
  }
  out << "\nNEW IN LATER ARTICLES (" << r.fresh.size() << ")\n";
  for (const auto& c : r.fresh)
    out << "  #" << c.id << " " << c.doc << ": \"" << shorten(c.text, 100) << "\" — "
        << (!has_source(c) ? std::string(kNoSource) : source_line(shorten(c.source_text, 50), c.category)) << '\n';
  return util::printable(out.str());
}

}  // namespace claimtrail::report
