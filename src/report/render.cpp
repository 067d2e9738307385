#include "report/render.hpp"
#include "core/categories.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "report/analysis_render.hpp"
#include "report/store_render.hpp"
#include "store/json_columns.hpp"
#include "util/printable.hpp"

namespace claimtrail::report {

using core::span_text;
using core::spans_json;
using util::shorten;

using nlohmann::json;
using util::shorten;

namespace {

// A month's anonymous share: of its statements with a source (SPEC section 3).
double share(const store::OutletMonth& p) {
  core::SourcingProfile sourcing;
  sourcing.with_source = static_cast<std::size_t>(p.with_source);
  sourcing.anonymous = static_cast<std::size_t>(p.anonymous);
  return sourcing.anonymous_share();
}

std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * x);
  return buf;
}

// "affiliation U.S., rank senior, 5" from the descriptors JSON.
std::string describe(const std::string& descriptors) {
  const json d = store::parse_json_column(descriptors, json::object());
  std::string out;
  auto add = [&](const std::string& k, const std::string& v) { out += (out.empty() ? "" : ", ") + k + " " + v; };
  if (d.contains("affiliation")) add("affiliation", d["affiliation"].get<std::string>());
  if (d.contains("rank")) add("rank", d["rank"].get<std::string>());
  if (d.contains("role")) add("role", d["role"].get<std::string>());
  if (d.contains("count")) add("count", d["count"].dump());
  if (d.contains("count_word")) add("count", d["count_word"].get<std::string>());
  return out;
}

std::string source_of(const store::ClaimRecord& c) {
  if (!has_source(c)) return std::string(kNoSource);
  return shorten(c.source_text, 70) + " (" + c.category + (c.anonymous ? ", anonymous" : "") + ")";
}

// The later claims of a claim's evidence, in the order every command shows
// them ("#12 updated; #15 corroborated").
std::string evidence_claims(const std::vector<Link>& links) {
  std::string s;
  for (const auto& l : links) s += (s.empty() ? "#" : "; #") + std::to_string(l.later.id) + " " + l.status;
  return s;
}

json link_json(const Link& l) {
  json j = evidence_json(l);
  j["claim"] = report::claim_json(l.later);
  return j;
}

json entry_json(const ClaimEntry& e) {
  json j = report::claim_json(e.claim);
  json links = json::array();
  for (const auto& l : e.links) links.push_back(link_json(l));
  j["evidence"] = std::move(links);
  return j;
}

}  // namespace

std::string evidence_line(const Link& l) {
  std::string s = l.status + " by " +
                  (!has_source(l.later) ? std::string(kNoSource)
                                        : shorten(l.later.source_text, 60) + " (" + l.later.category + ")") +
                  ", " + l.later.doc + (l.later.published.empty() ? "" : " (" + l.later.published + ")");
  if (!l.old_value.empty() || !l.new_value.empty()) s += ": was " + l.old_value + ", now " + l.new_value;
  return s;
}

std::string hedges_of(const store::ClaimRecord& c) {
  std::string out;
  for (const auto& h : store::parse_json_column(c.hedges, json::array()))
    if (h.is_string()) out += (out.empty() ? "" : ", ") + h.get<std::string>();
  return out;
}

std::string csv_field(const std::string& raw) {
  const std::string s = util::printable(raw);  // no terminal control characters, valid UTF-8
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string to_text(const ArticleReport& r) {
  std::ostringstream out;
  const auto& a = r.article;
  out << "Attribution report: " << (a.headline.empty() ? a.doc : a.headline) << '\n';
  out << (a.outlet.empty() ? "(outlet unknown)" : a.outlet) << ", "
      << (a.published.empty() ? "(date unknown)" : a.published) << "; article " << a.id << " (" << a.doc << ")"
      << (a.url.empty() ? "" : " " + a.url) << "\n\n";
  out << r.statements << " attributed statements in the body; " << percent(r.anonymous_share)
      << " of those with a source rest on anonymous sources.\n";
  out << "By category:";
  for (const auto& [k, v] : r.by_category) out << ' ' << k << ' ' << v << ';';
  out << "\nDistinct sources: " << r.named_sources << " named, " << r.document_sources
      << (r.document_sources == 1 ? " document, " : " documents, ") << r.unnamed_sources << " unnamed.\n";

  auto section = [&](const char* title, auto pred) {
    std::vector<const SourceEntry*> in;
    for (const auto& s : r.sources)
      if (pred(s)) in.push_back(&s);
    if (in.empty()) return;
    out << '\n' << title << '\n';
    for (const auto* s : in) {
      out << "  " << shorten(s->name, 90) << " (" << s->category << ") — " << s->statements
          << (s->statements == 1 ? " statement" : " statements");
      const std::string d = describe(s->descriptors);
      if (!d.empty()) out << "; " << d;
      out << '\n';
      if (s->anonymous) {
        out << "      reason for anonymity: " << (s->reason.empty() ? "none given" : s->reason) << '\n';
        if (!s->description.empty()) out << "      described as: " << shorten(s->description, 160) << '\n';
      }
    }
  };
  auto is = [](const SourceEntry& s) { return core::facts(s.category); };
  section("Named sources", [&](const SourceEntry& s) { return is(s) && is(s)->named; });
  section("Documents",
          [&](const SourceEntry& s) { return is(s) && is(s)->category == core::SourceCategory::document; });
  section("Anonymous sources", [](const SourceEntry& s) { return s.anonymous; });
  section("Unresolved sources", [](const SourceEntry& s) { return s.category == "unresolved"; });

  out << "\nNon-responses (" << r.non_responses.size() << ")\n";
  for (const auto& n : r.non_responses)
    out << "  " << (n.who.empty() ? "(someone)" : n.who) << " — " << n.kind << ": " << shorten(n.text, 120) << '\n';
  out << "\nUnattributed checkable claims (" << r.unattributed.size() << ")\n";
  for (const auto& u : r.unattributed) {
    out << "  #" << u.claim.id << " [" << u.claim.status << "] " << shorten(u.claim.text, 130) << '\n';
    if (!u.links.empty()) out << "      " << evidence_line(u.links.front()) << '\n';
  }
  out << "\nClaims (" << r.claims.size() << ")\n";
  for (const auto& e : r.claims) {
    const auto& c = e.claim;
    out << "  #" << c.id << ' ' << c.kind << (c.in_headline ? " [headline]" : "") << (c.parent_id ? " [nested]" : "")
        << "  " << source_of(c) << "  status: " << c.status << (c.verdict.empty() ? "" : "  verdict: " + c.verdict)
        << '\n';
    out << "      \"" << shorten(c.text, 140) << "\"\n";
    const std::string h = hedges_of(c);
    if (!h.empty()) out << "      hedged: " << h << '\n';
    for (const auto& l : e.links) out << "      " << evidence_line(l) << '\n';
  }
  return util::printable(out.str());
}

std::string to_markdown(const ArticleReport& r) {
  std::ostringstream out;
  const auto& a = r.article;
  auto esc = [](std::string s) {
    std::string o;
    for (char c : s) {
      if (c == '|' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>') o += '\\';
      o += c == '\n' ? ' ' : c;
    }
    return o;
  };
  out << "# Attribution report: " << esc(a.headline.empty() ? a.doc : a.headline) << "\n\n";
  out << "*" << esc(a.outlet.empty() ? "outlet unknown" : a.outlet) << ", "
      << (a.published.empty() ? "date unknown" : a.published) << "* — article " << a.id << "\n\n";
  out << "- **" << r.statements << "** attributed statements in the body\n";
  out << "- **" << percent(r.anonymous_share) << "** of those with a source rest on anonymous sources\n";
  out << "- " << r.named_sources << " named sources, " << r.document_sources << " documents, " << r.unnamed_sources
      << " unnamed\n";
  out << "- " << r.non_responses.size() << " non-responses, " << r.unattributed.size()
      << " unattributed checkable claims\n\n";
  out << "## Sources\n\n| source | category | statements | anonymity reason | descriptors |\n|---|---|---|---|---|\n";
  for (const auto& s : r.sources)
    out << "| " << esc(shorten(s.name, 80)) << " | " << s.category << " | " << s.statements << " | "
        << (s.anonymous ? esc(s.reason.empty() ? "none given" : s.reason) : "") << " | " << esc(describe(s.descriptors))
        << " |\n";
  out << "\n## Non-responses\n\n";
  for (const auto& n : r.non_responses) out << "- " << esc(n.who) << ": " << esc(n.text) << " (" << n.kind << ")\n";
  out << "\n## Claims\n\n| # | source | category | statement | hedges | status | verdict "
         "|\n|---|---|---|---|---|---|---|\n";
  for (const auto* list : {&r.claims, &r.unattributed})
    for (const auto& e : *list) {
      const auto& c = e.claim;
      out << "| " << c.id << " | " << esc(!has_source(c) ? std::string(kNoSource) : shorten(c.source_text, 60)) << " | "
          << (c.kind == "unattributed" ? "unattributed" : c.category) << " | " << esc(shorten(c.text, 120)) << " | "
          << esc(hedges_of(c)) << " | " << c.status
          << (e.links.empty() ? "" : ": " + esc(evidence_line(e.links.front()))) << " | " << c.verdict << " |\n";
    }
  return util::printable(out.str());
}

json to_json(const ArticleReport& r) {
  json j(json::value_t::object);
  const auto& a = r.article;
  j["article"] = {{"id", a.id},
                  {"doc", a.doc},
                  {"outlet", a.outlet},
                  {"url", a.url},
                  {"published", a.published},
                  {"headline", a.headline}};
  j["profile"] = {{"statements", r.statements},
                  {"by_category", r.by_category},
                  {"anonymous_share", r.anonymous_share},
                  {"named_sources", r.named_sources},
                  {"document_sources", r.document_sources},
                  {"unnamed_sources", r.unnamed_sources},
                  {"non_responses", r.non_responses.size()},
                  {"unattributed", r.unattributed.size()}};
  json sources = json::array();
  for (const auto& s : r.sources)
    sources.push_back({{"id", s.id},
                       {"name", s.name},
                       {"category", s.category},
                       {"anonymous", s.anonymous},
                       {"descriptors", store::parse_json_column(s.descriptors, json::object())},
                       {"statements", s.statements},
                       {"anonymity_reason", s.reason.empty() ? json(nullptr) : json(s.reason)},
                       {"description", s.description.empty() ? json(nullptr) : json(s.description)}});
  j["sources"] = std::move(sources);
  json nrs = json::array();
  for (const auto& n : r.non_responses)
    nrs.push_back({{"who", n.who}, {"category", n.category}, {"kind", n.kind}, {"text", n.text}});
  j["non_responses"] = std::move(nrs);
  json claims = json::array(), un = json::array();
  for (const auto& e : r.claims) claims.push_back(entry_json(e));
  for (const auto& e : r.unattributed) un.push_back(entry_json(e));
  j["claims"] = std::move(claims);
  j["unattributed"] = std::move(un);
  return j;
}

std::string to_csv(const std::vector<ClaimEntry>& claims) {
  std::ostringstream out;
  out << "claim_id,article_id,article,outlet,published,url,kind,headline,source,source_name,category,anonymous,"
         "cue,statement,hedges,status,verdict,evidence,evidence_claims\r\n";
  for (const auto& e : claims) {
    const auto& c = e.claim;
    const std::string fields[] = {std::to_string(c.id),
                                  std::to_string(c.article_id),
                                  c.doc,
                                  c.outlet,
                                  c.published,
                                  c.url,
                                  c.kind,
                                  c.in_headline ? "true" : "false",
                                  c.source_text,
                                  c.source_name,
                                  c.kind == "unattributed" ? "" : c.category,
                                  c.anonymous ? "true" : "false",
                                  c.cue,
                                  c.text,
                                  hedges_of(c),
                                  c.status,
                                  c.verdict,
                                  e.links.empty() ? "" : evidence_line(e.links.front()),
                                  evidence_claims(e.links)};
    bool first = true;
    for (const auto& f : fields) {
      if (!first) out << ',';
      out << csv_field(f);
      first = false;
    }
    out << "\r\n";
  }
  return out.str();
}

std::string to_text(const ThreadReport& t) {
  std::ostringstream out;
  out << "Story thread of article " << t.first.article.id << ": "
      << (t.first.article.headline.empty() ? t.first.article.doc : t.first.article.headline) << "\n\n";
  out << "Articles, in order:\n";
  for (const auto& a : t.articles)
    out << "  " << (a.published.empty() ? "(undated)  " : a.published + "  ") << a.outlet << "  #" << a.id << " "
        << shorten(a.headline.empty() ? a.doc : a.headline, 90) << '\n';
  out << "\nTimeline of each claim, from first report to its latest status:\n";
  for (const auto* list : {&t.first.claims, &t.first.unattributed})
    for (const auto& e : *list) {
      const auto& c = e.claim;
      out << "  #" << c.id << " \"" << shorten(c.text, 100) << "\"\n";
      out << "      " << (t.first.article.published.empty() ? "first" : t.first.article.published)
          << "  reported: " << source_of(c) << '\n';
      // The timeline: the evidence as it appeared (the deciding one is first
      // in e.links, then the rest in order).
      std::vector<const Link*> in_time;
      for (const auto& l : e.links) in_time.push_back(&l);
      std::stable_sort(in_time.begin(), in_time.end(),
                       [](const Link* a, const Link* b) { return a->later.published < b->later.published; });
      for (const Link* l : in_time) out << "      " << l->later.published << "  " << evidence_line(*l) << '\n';
      out << "      now: " << c.status << (c.overdue ? " (overdue)" : "")
          << (c.verdict.empty() ? "" : ", verdict " + c.verdict) << '\n';
      if (!c.status_note.empty()) out << "      not judged in full: " << c.status_note << '\n';
    }
  out << "\nHow the sourcing moved:\n";
  if (t.moves.empty()) out << "  (no claim changed its kind of source)\n";
  for (const auto& m : t.moves)
    out << "  #" << m.claim << "  " << m.from_category << " -> " << m.to_category << "  (" << m.when << ")\n";
  return util::printable(out.str());
}

std::string to_markdown(const ThreadReport& t) {
  std::ostringstream out;
  out << "# Story thread: " << (t.first.article.headline.empty() ? t.first.article.doc : t.first.article.headline)
      << "\n\n```\n"
      << to_text(t) << "```\n";
  return util::printable(out.str());
}

json to_json(const ThreadReport& t) {
  json j(json::value_t::object);
  j["first"] = to_json(t.first);
  json arts = json::array();
  for (const auto& a : t.articles)
    arts.push_back({{"id", a.id},
                    {"doc", a.doc},
                    {"outlet", a.outlet},
                    {"published", a.published},
                    {"headline", a.headline},
                    {"url", a.url}});
  j["articles"] = std::move(arts);
  json moves = json::array();
  for (const auto& m : t.moves)
    moves.push_back({{"claim", m.claim}, {"from", m.from_category}, {"to", m.to_category}, {"when", m.when}});
  j["sourcing_moves"] = std::move(moves);
  return j;
}

std::string to_text(const OutletReport& r) {
  std::ostringstream out;
  out << "Outlet: " << r.outlet << "\n"
      << r.articles << " articles, " << r.statements << " attributed statements, "
      << percent(r.statements ? static_cast<double>(r.anonymous) / r.statements : 0)
      << " resting on anonymous sources\n\n"
      << "month     articles  statements  anonymous\n";
  for (const auto& p : r.periods) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%-9s %8d  %10d  %8s\n", p.month.c_str(), p.articles, p.statements,
                  percent(share(p)).c_str());
    out << buf;
  }
  return util::printable(out.str());
}

json to_json(const OutletReport& r) {
  json periods = json::array();
  for (const auto& p : r.periods)
    periods.push_back({{"month", p.month},
                       {"articles", p.articles},
                       {"statements", p.statements},
                       {"anonymous", p.anonymous},
                       {"with_source", p.with_source},
                       {"anonymous_share", share(p)}});
  return {{"outlet", r.outlet},           {"articles", r.articles},   {"statements", r.statements},
          {"with_source", r.with_source}, {"anonymous", r.anonymous}, {"periods", periods}};
}

std::string to_text(const SourceReport& r) {
  std::ostringstream out;
  out << "Sources: ";
  for (const auto& s : r.sources) out << s.name << " (#" << s.id << ", " << s.category << ")  ";
  out << "\n" << r.claims.size() << " statements;";
  for (const auto& [k, v] : r.by_status) out << ' ' << k << ' ' << v << ';';
  const int confirmed = r.by_status.count("confirmed") ? r.by_status.at("confirmed") : 0;
  out << "\nLater confirmed: " << confirmed << " of " << r.claims.size() << "\n\n";
  for (const auto& e : r.claims) {
    out << "  #" << e.claim.id << " " << e.claim.published << " " << e.claim.doc << "  [" << e.claim.status
        << "]\n      \"" << shorten(e.claim.text, 130) << "\"\n";
    if (!e.links.empty()) out << "      " << evidence_line(e.links.front()) << '\n';
  }
  return util::printable(out.str());
}

json to_json(const SourceReport& r) {
  json claims = json::array();
  for (const auto& e : r.claims) claims.push_back(entry_json(e));
  return {{"sources", report::sources_json(r.sources)}, {"by_status", r.by_status}, {"claims", claims}};
}

}  // namespace claimtrail::report
