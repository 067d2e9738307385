// Reports and exports through the library: every format, with expectations
// written by hand; the HTML parsed; ClaimReview checked field by field; brat
// round trips. Stores live in memory. The report and export commands' own
// behaviour (files parsed on the fly, usage errors): test_cli_store.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "eval/brat.hpp"
#include "eval/evaluate.hpp"
#include "eval/scorer.hpp"
#include "extract/extractor.hpp"
#include "report/export.hpp"
#include "report/render.hpp"
#include "report/store_render.hpp"
#include "store/queries.hpp"
#include "testutil.hpp"
#include "track/track.hpp"

using claimtrail::store::Store;
using claimtrail::testutil::ingest_file;
using claimtrail::testutil::parse_csv;
using claimtrail::testutil::q;
using claimtrail::testutil::slurp;
using claimtrail::testutil::source_dir;
using claimtrail::testutil::TempDir;
using claimtrail::testutil::with_front_matter;
using claimtrail::testutil::write_file;
using nlohmann::json;
namespace fs = std::filesystem;
namespace report = claimtrail::report;

namespace {

// Fills `st` with the seed and its follow-up, tracked.
void seed_store(Store& st, const fs::path& shared) {
  claimtrail::article::Metadata published;
  published.published = "2024-09-06";
  ingest_file(st, shared / "seeds" / "reuters-2024-09-06-us-iraq-withdrawal.txt", published);
  ingest_file(st,
              source_dir() / "fixtures" / "threads" / "us-iraq-coalition" / "02-coalition-mission-end-announced.txt");
  claimtrail::track::track(st, 1);
}

}  // namespace

TEST_CASE("the seed article's text report") {
  CLAIMTRAIL_REQUIRE_SHARED(shared);
  Store st(":memory:");
  seed_store(st, shared);
  const std::string out = report::to_text(report::article_report(st, 1));
  std::smatch m;
  REQUIRE(std::regex_search(out, m, std::regex("(\\d+) attributed statements in the body; (\\d+)% of those")));
  CHECK(std::stoi(m[1]) >= 13);
  CHECK(std::stoi(m[2]) >= 60);
  CHECK(std::stoi(m[2]) <= 72);
  const auto named = out.substr(out.find("Named sources"), out.find("Anonymous sources") - out.find("Named sources"));
  CHECK(named.find("Farhad Alaaldin") != std::string::npos);
  CHECK(named.find("Mohammed Shia al-Sudani") != std::string::npos);
  CHECK(named.find("Joe Biden") != std::string::npos);  // the joint statement, a document
  // The reason for anonymity belongs to the group the sources were described
  // as (an unnamed group is named by its first mention: the headline's
  // "sources", which "multiple sources familiar with the matter" goes on).
  const auto group = out.find("sources (unnamed_group)");
  REQUIRE(group != std::string::npos);
  const auto reason = out.find("reason for anonymity: they were not authorized", group);
  CHECK(reason != std::string::npos);
  CHECK(out.find("a senior U.S. official (unnamed_person)") != std::string::npos);
  CHECK(out.find("affiliation U.S., rank senior") != std::string::npos);
  CHECK(out.find("Non-responses (3)") != std::string::npos);
}

TEST_CASE("the seed thread report shows the confirmations and the moved date") {
  CLAIMTRAIL_REQUIRE_SHARED(shared);
  Store st(":memory:");
  seed_store(st, shared);
  const auto thread = report::thread_report(st, 1);
  const std::string out = report::to_text(thread);
  CHECK(out.find("2024-09-27  Example Wire") != std::string::npos);
  CHECK(out.find("confirmed by Rachel Ambrose") != std::string::npos);
  CHECK(out.find(", now until September 2026") != std::string::npos);
  // "We have an agreement" went on the record.
  CHECK(std::regex_search(out, std::regex("#4  unnamed_person -> (named_person|document)")));
  const json j = report::to_json(thread);
  CHECK(j["articles"].size() == 2);
  CHECK(!j["sourcing_moves"].empty());
}

TEST_CASE("every format of an article report") {
  TempDir tmp;
  // Markup inside a quote must come out as text in the HTML.
  const fs::path f = write_file(
      tmp.path() / "a.txt",
      with_front_matter("Harbor Post", "2025-03-04",
                        "Council row over <b>budget</b>\n\n"
                        "\"We will not accept <script>alert(1)</script> in the budget, and \"quotes\", commas\","
                        " the mayor, Jane Doe, said.\n\nThe plan could cost 40 million euros, two officials said, "
                        "speaking on condition of anonymity because they were not authorized to talk to reporters.\n\n"
                        "The treasurer did not respond to a request for comment.\n\nThe council has 31 members.\n"));
  Store st(":memory:");
  ingest_file(st, f);
  const report::ArticleReport ar = report::article_report(st, 1);
  // JSON: the profile.
  const json j = report::to_json(ar);
  CHECK(j["profile"]["statements"] == 2);
  CHECK(j["profile"]["anonymous_share"] == 0.5);
  CHECK(j["profile"]["non_responses"] == 1);
  CHECK(j["profile"]["unattributed"] == 1);
  CHECK(j["article"]["outlet"] == "Harbor Post");
  bool reason = false;
  for (const auto& s : j["sources"])
    if (s["anonymous"] == true && s["anonymity_reason"].is_string()) reason = true;
  CHECK(reason);
  // Text.
  CHECK(report::to_text(ar).find("2 attributed statements in the body; 50% of those") != std::string::npos);
  // Markdown: a table of sources and one of claims.
  std::string out = report::to_markdown(ar);
  CHECK(out.rfind("# Attribution report: Council row over \\<b\\>budget\\</b\\>", 0) == 0);
  CHECK(out.find("| source | category | statements |") != std::string::npos);
  CHECK(out.find("| # | source | category | statement |") != std::string::npos);
  // CSV: a header and one row per claim, quoted where needed.
  std::vector<report::ClaimEntry> all = ar.claims;
  all.insert(all.end(), ar.unattributed.begin(), ar.unattributed.end());
  const auto rows = parse_csv(report::to_csv(all));
  REQUIRE(rows.size() == 4);  // header, two attributed claims, one unattributed
  CHECK(rows[0][0] == "claim_id");
  for (const auto& r : rows) CHECK(r.size() == rows[0].size());
  bool quotes = false;
  for (const auto& r : rows)
    for (const auto& field : r) quotes = quotes || field.find("\"quotes\", commas") != std::string::npos;
  CHECK(quotes);
  // HTML: parsed for what it must hold.
  out = report::to_html(ar);
  CHECK(out.find("<script>alert") == std::string::npos);
  CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(out.find("&lt;b&gt;budget&lt;/b&gt;") != std::string::npos);
  // One highlight per claim, its category as a class.
  std::set<std::string> claims;
  const std::regex mark("<mark class=\"claim cat-([a-z_]+)\"[^>]*data-claim=\"(\\d+)\"");
  for (auto it = std::sregex_iterator(out.begin(), out.end(), mark); it != std::sregex_iterator(); ++it)
    claims.insert((*it)[2]);
  CHECK(claims.size() == 3);
  CHECK(out.find("cat-named_person") != std::string::npos);
  CHECK(out.find("cat-unnamed_group") != std::string::npos);
  CHECK(out.find("cat-unattributed") != std::string::npos);
  // A legend of every category.
  for (const char* c : {"named_person", "named_organization", "unnamed_person", "unnamed_group", "document",
                        "unresolved", "unattributed"})
    CHECK(out.find(std::string("<li class=\"cat-") + c + "\"") != std::string::npos);
  // Self-contained: no external source, link or url().
  CHECK(std::regex_search(out, std::regex("<svg")));
  CHECK_FALSE(std::regex_search(out, std::regex("\\ssrc=")));
  CHECK_FALSE(std::regex_search(out, std::regex("\\shref=")));
  CHECK(out.find("url(") == std::string::npos);
  CHECK(out.find("http") == std::string::npos);
}

TEST_CASE("ClaimReview: one per claim with a verdict, field by field") {
  TempDir tmp;
  const fs::path a =
      write_file(tmp.path() / "a.txt",
                 "---\noutlet: Harbor Post\nurl: https://harbor.example/a\npublished: 2025-03-04\n---\n"
                 "Port strike looms\n\nDockworkers at the port will strike on March 10, two union officials said.\n\n"
                 "Mayor Jane Doe said the port lost 2 million euros last year.\n");
  const fs::path b =
      write_file(tmp.path() / "b.txt",
                 "---\noutlet: Valley Wire\nurl: https://valley.example/b\npublished: 2025-03-11\n---\n"
                 "Strike shuts port\n\nUnion leader Mara Quist said dockworkers at the port began their strike on "
                 "March 10.\n");
  Store st(":memory:");
  ingest_file(st, a);
  ingest_file(st, b);
  claimtrail::track::track(st, 1);
  claimtrail::store::add_verdict(st, 1, "confirmed", "the strike began", "https://port.example/notice");
  claimtrail::store::add_verdict(st, 2, "refuted", "port accounts show a profit", "");
  const json all = report::claimreview(st, {"Check Desk", "https://check.example", "https://check.example/r/"});
  REQUIRE(all.is_array());
  REQUIRE(all.size() == 2);
  const json& r = all[0];
  CHECK(r["@context"] == "https://schema.org");
  CHECK(r["@type"] == "ClaimReview");
  CHECK(r["url"] == "https://check.example/r/1");
  CHECK(r["claimReviewed"].get<std::string>().rfind("Dockworkers at the port will strike", 0) == 0);
  CHECK(r["datePublished"].get<std::string>().size() == 10);
  CHECK(r["author"] == json({{"@type", "Organization"}, {"name", "Check Desk"}, {"url", "https://check.example"}}));
  CHECK(
      r["reviewRating"] ==
      json(
          {{"@type", "Rating"}, {"alternateName", "True"}, {"ratingValue", 4}, {"bestRating", 4}, {"worstRating", 1}}));
  const json& item = r["itemReviewed"];
  CHECK(item["@type"] == "Claim");
  CHECK(item["author"]["@type"] == "Organization");  // anonymous: the outlet, with who it said
  CHECK(item["author"]["name"] == "Harbor Post");
  CHECK(item["author"]["description"] == "unnamed: two union officials, via Harbor Post");
  CHECK(item["datePublished"] == "2025-03-04");
  CHECK(item["firstAppearance"]["url"] == "https://harbor.example/a");
  // The follow-up that confirmed it, once; the first appearance is not repeated.
  REQUIRE(item["appearance"].size() == 1);
  CHECK(item["appearance"][0]["url"] == "https://valley.example/b");
  // Why: the note and the evidence URL of the verdict.
  CHECK(r["reviewBody"] == "the strike began");
  CHECK(r["citation"] == json({{"@type", "CreativeWork"}, {"url", "https://port.example/notice"}}));
  const json& named = all[1];
  CHECK(named["reviewRating"]["alternateName"] == "False");
  CHECK(named["reviewRating"]["ratingValue"] == 1);
  CHECK(named["itemReviewed"]["author"] == json({{"@type", "Person"}, {"name", "Jane Doe"}}));
  CHECK_FALSE(named.contains("citation"));                    // no evidence URL given
  CHECK_FALSE(named["itemReviewed"].contains("appearance"));  // nothing later carried it
  // CSV export: every claim.
  CHECK(parse_csv(report::claims_csv(st, std::nullopt)).size() >= 4);
}

TEST_CASE("reports tell the same truth: every piece of evidence, non-responses, threads, no source, documents") {
  // A claim reported by anonymous officials, then on one day both by an
  // unnamed official and on the record; a document, a statement with no
  // source, a non-response. Written for this test.
  TempDir tmp;
  const fs::path a = write_file(tmp.path() / "a.txt",
                                "---\noutlet: Harbor Post\nurl: https://harbor.example/a\npublished: 2025-03-04\n---\n"
                                "Port strike looms\n\n"
                                "Dockworkers at the port will strike on March 10, two union officials said.\n\n"
                                "Mayor Jane Doe said the port lost 2 million euros last year.\n\n"
                                "The strike would cost the city 4 million euros a week, according to a report by the "
                                "city's finance office.\n\n"
                                "Fares are said to rise by 5 percent in April.\n\n"
                                "The port authority did not respond to a request for comment.\n");
  const fs::path b = write_file(tmp.path() / "b.txt",
                                "---\noutlet: Valley Wire\nurl: https://valley.example/b\npublished: 2025-03-11\n---\n"
                                "Strike shuts port\n\n"
                                "Dockworkers at the port began their strike on March 10, a union official said.\n");
  const fs::path c =
      write_file(tmp.path() / "c.txt",
                 "---\noutlet: Coast Daily\nurl: https://coast.example/c\npublished: 2025-03-11\n---\n"
                 "Port idle as strike begins\n\n"
                 "Union leader Mara Quist said dockworkers at the port began their strike on March 10.\n");
  Store st(":memory:");
  for (const fs::path& p : {a, b, c}) ingest_file(st, p);
  const auto tracked = claimtrail::track::track(st, 1);
  const report::ArticleReport r = report::article_report(st, 1);
  REQUIRE(!r.claims.empty());
  const auto& strike = r.claims.front();
  REQUIRE(strike.claim.text.rfind("Dockworkers at the port will strike", 0) == 0);
  REQUIRE(strike.links.size() == 2);  // the named leader and the unnamed official

  // Every piece of evidence, in the article's HTML, the thread's HTML and
  // track's text, not one line and "(1 more)".
  auto count = [](const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
  };
  std::size_t links = 0;
  for (const auto* list : {&r.claims, &r.unattributed})
    for (const auto& e : *list) links += e.links.size();
  const std::string html = report::to_html(r);
  CHECK(count(html, "class=\"evidence\"") == links);
  const std::string track_text = claimtrail::report::track_text(tracked);
  CHECK(track_text.find("Union leader Mara Quist") != std::string::npos);
  CHECK(track_text.find("a union official") != std::string::npos);
  CHECK(track_text.find("more)") == std::string::npos);

  // Non-responses are marked in the article's text.
  REQUIRE(r.non_responses.size() == 1);
  CHECK(count(html, "<mark class=\"nonresp\"") == 1);

  // The thread, in HTML too; its sourcing moves one step per day: the
  // anonymous and the named report of 11 March are one move, to the record.
  const report::ThreadReport t = report::thread_report(st, 1);
  const std::string thread_html = report::to_html(t);
  CHECK(thread_html.rfind("<!doctype html>", 0) == 0);
  CHECK(count(thread_html, "class=\"claim-row\"") == r.claims.size() + r.unattributed.size());
  CHECK(count(thread_html, "class=\"evidence\"") == links);
  std::vector<report::ThreadReport::Move> moves;
  for (const auto& m : t.moves)
    if (m.claim == strike.claim.id) moves.push_back(m);
  REQUIRE(moves.size() == 1);
  CHECK(moves[0].from_category == "unnamed_group");
  CHECK(moves[0].to_category == "named_person");
  CHECK(moves[0].when == "2025-03-11");

  // One way to show a claim with no source, in every rendering.
  for (const std::string& out : {report::to_text(r), report::to_markdown(r), html, report::to_text(t), track_text}) {
    CHECK(out.find(std::string(report::kNoSource)) != std::string::npos);
    CHECK(out.find("outlet's own voice") == std::string::npos);
    CHECK(out.find("(outlet)") == std::string::npos);
  }

  // A document is on the record but is not a named person or body.
  CHECK(r.named_sources == 1);
  CHECK(r.document_sources == 1);
  CHECK(r.unnamed_sources == 1);
  CHECK(report::to_json(r)["profile"]["document_sources"] == 1);
}

TEST_CASE("brat: gold read and written back scores 1; export --brat agrees with eval") {
  CLAIMTRAIL_REQUIRE_SHARED(shared);
  namespace ev = claimtrail::eval;
  const fs::path dev = shared / "corpora" / "polnear" / "dev";
  TempDir tmp;
  const ev::Split gold = ev::read_split(dev);
  for (const auto& d : gold.documents) ev::write_document(tmp.path() / "copy", d.name, d.utf8, d.attributions);
  const ev::Split copy = ev::read_split(tmp.path() / "copy");
  REQUIRE(copy.documents.size() == gold.documents.size());
  ev::Predictions pred;
  for (const auto& d : copy.documents) pred[d.name] = d.attributions;
  const json self = ev::render_json(ev::evaluate(gold, pred, nullptr));
  for (const char* role : {"cue", "source", "content"})
    for (const char* m : {"exact-trim", "char"}) CHECK(self["span"][role][m]["F1"] == 1.0);
  CHECK(self["attribution"]["attr"]["F1"] == 1.0);

  // claimtrail's dev predictions through the store and brat, scored by the reference.
  if (std::system("python3 -c pass >/dev/null 2>&1") != 0) {
    if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") FAIL("python3 is required under CI=true");
    return;
  }
  Store st(":memory:");
  std::size_t texts = 0;
  for (const auto& e : fs::directory_iterator(dev / "text")) {
    ingest_file(st, e.path());
    ++texts;
  }
  CHECK(report::export_brat(st, tmp.path() / "pred", std::nullopt) == texts);
  const fs::path scorer = shared / "tools" / "score_polnear.py";
  REQUIRE(std::system(("python3 " + q(scorer) + " " + q(tmp.path() / "pred") + " --dump-gold -o " +
                       q(tmp.path() / "pred.jsonl") + " >/dev/null 2>&1")
                          .c_str()) == 0);
  REQUIRE(std::system(("python3 " + q(scorer) + " " + q(dev) + " " + q(tmp.path() / "pred.jsonl") + " --json " +
                       q(tmp.path() / "ref.json") + " >/dev/null 2>&1")
                          .c_str()) == 0);
  const json ref = json::parse(slurp(tmp.path() / "ref.json"));
  const json ours = ev::render_json(ev::evaluate_split(
      dev, [](std::string_view t) { return claimtrail::testutil::extractor().analyse(t); }, std::nullopt));
  for (const char* role : {"cue", "source", "content"})
    for (const char* m : {"exact-trim", "char"}) {
      INFO(role << " " << m);
      CHECK(std::fabs(ref["span"][role][m]["F1"].get<double>() - ours["span"][role][m]["F1"].get<double>()) <= 0.005);
    }
  for (const char* m : {"attr", "+source"})
    CHECK(std::fabs(ref["attribution"][m]["F1"].get<double>() - ours["attribution"][m]["F1"].get<double>()) <= 0.005);
}

TEST_CASE("outlet and source reports across the store") {
  TempDir tmp;
  Store st(":memory:");
  ingest_file(st,
              write_file(tmp.path() / "a.txt", with_front_matter("Harbor Post", "2025-01-10",
                                                                 "H\n\nThe port will close, two officials said. "
                                                                 "Mayor Jane Doe said the budget was balanced.\n")));
  ingest_file(st, write_file(tmp.path() / "b.txt", with_front_matter("Harbor Post", "2025-02-03",
                                                                     "H\n\nThe ferry will stop, a source said.\n")));
  ingest_file(st, write_file(tmp.path() / "c.txt",
                             with_front_matter("Valley Wire", "2025-02-20",
                                               "H\n\nMayor Jane Doe said the budget was balanced, according to the "
                                               "council minutes.\n")));
  const auto outlet = report::outlet_report(st, "Harbor Post");
  const json o = report::to_json(outlet);
  CHECK(o["articles"] == 2);
  CHECK(o["statements"] == 3);
  CHECK(o["anonymous"] == 2);
  REQUIRE(o["periods"].size() == 2);
  CHECK(o["periods"][0]["month"] == "2025-01");
  CHECK(o["periods"][0]["anonymous_share"] == 0.5);
  CHECK(o["periods"][1]["anonymous_share"] == 1.0);
  CHECK(report::to_text(outlet).find("2025-02") != std::string::npos);
  claimtrail::track::track(st, 1);
  const json s = report::to_json(report::source_report(st, "Jane Doe"));
  CHECK(s["claims"].size() == 2);
  CHECK(s["by_status"]["confirmed"] == 1);  // the first statement, said again later on the record
}
