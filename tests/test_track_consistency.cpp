// One status and the same evidence everywhere (issue 14, item 4): track,
// report (JSON, HTML), claims, CSV and ClaimReview on one store, in several
// orders, with an article ingested between commands, a diff run in between
// and a fact-checker's reviews of evidence. These run the binary because
// what is tested is that the commands agree.
#include <doctest/doctest.h>
#include <algorithm>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "testutil.hpp"

using claimtrail::testutil::parse_csv;
using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::source_dir;
using claimtrail::testutil::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Each claim of the base article: its status and its evidence (the later
// claims' ids, in the order shown).
struct Seen {
  std::string status;
  std::vector<std::int64_t> evidence;
  friend bool operator==(const Seen&, const Seen&) = default;
};
using View = std::map<std::int64_t, Seen>;

std::string describe(const View& v) {
  std::ostringstream out;
  for (const auto& [id, s] : v) {
    out << "#" << id << " " << s.status << " [";
    for (auto e : s.evidence) out << " " << e;
    out << " ]; ";
  }
  return out.str();
}

class Cli {
 public:
  explicit Cli(fs::path db) : db_(std::move(db)) {}
  std::string run(const std::string& args, int want = 0) {
    std::string out, err;
    const int code = run_cli(args + " --db " + q(db_), &out, &err);
    INFO("claimtrail " << args << ": " << err);
    REQUIRE(code == want);
    return want == 0 ? out : err;
  }

 private:
  fs::path db_;
};

View track_view(const json& j) {
  View v;
  for (const auto& c : j["claims"]) {
    Seen s{c["status"], {}};
    for (const auto& e : c["evidence"]) s.evidence.push_back(e["claim"]);
    v[c["id"]] = s;
  }
  return v;
}

View report_view(const json& j) {
  View v;
  for (const char* list : {"claims", "unattributed"})
    for (const auto& c : j[list]) {
      Seen s{c["status"], {}};
      for (const auto& e : c["evidence"]) s.evidence.push_back(e["claim"]["id"]);
      v[c["id"]] = s;
    }
  return v;
}

View claims_view(const json& j) {
  View v;
  for (const auto& c : j) {
    Seen s{c["status"], {}};
    for (const auto& e : c["evidence"]) s.evidence.push_back(e["later"]);
    v[c["id"]] = s;
  }
  return v;
}

View csv_view(const std::string& text) {
  const auto rows = parse_csv(text);
  REQUIRE(!rows.empty());
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  REQUIRE(col.count("evidence_claims"));
  View v;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    Seen s{rows[r][col["status"]], {}};
    static const std::regex id("#(\\d+)");
    const std::string& ev = rows[r][col["evidence_claims"]];
    for (std::sregex_iterator it(ev.begin(), ev.end(), id), end; it != end; ++it)
      s.evidence.push_back(std::stoll((*it)[1]));
    v[std::stoll(rows[r][col["claim_id"]])] = s;
  }
  return v;
}

// The HTML report's table: each claim's status pill.
std::map<std::int64_t, std::string> html_statuses(const std::string& html) {
  std::map<std::int64_t, std::string> out;
  static const std::regex row("<tr><td>(\\d+)</td>.*?class=\"pill st-([a-z]+)\"");
  for (std::sregex_iterator it(html.begin(), html.end(), row), end; it != end; ++it)
    out[std::stoll((*it)[1])] = (*it)[2];
  return out;
}

std::map<std::int64_t, std::string> statuses(const View& v) {
  std::map<std::int64_t, std::string> out;
  for (const auto& [id, s] : v) out[id] = s.status;
  return out;
}

// Every reading command's view of article 1 must equal `want`; ClaimReview's
// appearances must be the claim's article, then its evidence's articles.
void every_command_shows(Cli& cli, const View& want, const std::string& when) {
  INFO(when << "; expected: " << describe(want));
  const View report = report_view(json::parse(cli.run("report 1 --format json")));
  CHECK_MESSAGE(report == want, "report: " << describe(report));
  const View claims = claims_view(json::parse(cli.run("claims --article 1 --format json")));
  CHECK_MESSAGE(claims == want, "claims: " << describe(claims));
  const View csv = csv_view(cli.run("export --csv --article 1"));
  CHECK_MESSAGE(csv == want, "csv: " << describe(csv));
  CHECK(html_statuses(cli.run("report 1 --format html")) == statuses(want));
  // claims --status finds exactly the claims of each status.
  for (const char* st : {"confirmed", "corroborated", "updated", "contradicted", "unaddressed"}) {
    std::set<std::int64_t> found, expected;
    for (const auto& c : json::parse(cli.run(std::string("claims --article 1 --format json --status ") + st)))
      found.insert(c["id"].get<std::int64_t>());
    for (const auto& [id, s] : want)
      if (s.status == st) expected.insert(id);
    CHECK_MESSAGE(found == expected, "claims --status " << st);
  }
  // ClaimReview: every claim of article 1 has a verdict here; its
  // appearances are the articles of its evidence, in order, each once (its
  // own article is its first appearance, not repeated).
  std::map<std::int64_t, std::string> url_of;
  const json reported = json::parse(cli.run("report 1 --format json"));
  for (const char* list : {"claims", "unattributed"})
    for (const auto& c : reported[list])
      for (const auto& e : c["evidence"]) url_of[e["claim"]["id"]] = e["claim"]["article"]["url"];
  const json reviews = json::parse(cli.run("export --claimreview --org Checkers --review-url-base https://c.example/"));
  std::size_t seen = 0;
  for (const auto& r : reviews) {
    const std::int64_t id = std::stoll(r["url"].get<std::string>().substr(std::string("https://c.example/").size()));
    auto it = want.find(id);
    if (it == want.end()) continue;
    ++seen;
    const json app = r["itemReviewed"].value("appearance", json::array());
    std::vector<std::string> got, expected;
    for (const auto& x : app) got.push_back(x.value("url", ""));
    for (auto e : it->second.evidence)
      if (std::find(expected.begin(), expected.end(), url_of[e]) == expected.end()) expected.push_back(url_of[e]);
    std::string g, x;
    for (const auto& u : got) g += " " + u;
    for (const auto& u : expected) x += " " + u;
    CHECK_MESSAGE(got == expected, "ClaimReview appearances of claim " << id << ":" << g << " against" << x);
  }
  CHECK(seen == want.size());
}

}  // namespace

TEST_CASE("track, report, claims, CSV and ClaimReview show one status and the same evidence, in any order") {
  TempDir tmp;
  Cli cli(tmp.path() / "t.db");
  const fs::path thread = source_dir() / "fixtures" / "threads" / "arvane-glide-recall";
  cli.run("ingest " + q(thread / "01-arvane-recall-plan.txt") + " " + q(thread / "02-arvane-recall-announced.txt"));

  // Before any track: untracked everywhere, no evidence.
  const View before = claims_view(json::parse(cli.run("claims --article 1 --format json")));
  REQUIRE(before.size() >= 8);
  for (const auto& [id, s] : before) {
    CHECK(s.status == "untracked");
    cli.run("verdict " + std::to_string(id) + " --status unverified --note checking");
  }

  // Order 1: track first, then every reader.
  const View first = track_view(json::parse(cli.run("track 1 --format json")));
  REQUIRE(first.size() == before.size());
  std::size_t with_evidence = 0;
  for (const auto& [id, s] : first) with_evidence += s.evidence.empty() ? 0 : 1;
  REQUIRE(with_evidence >= 3);
  every_command_shows(cli, first, "after track");

  // Order 2: the readers again in reverse, then track: nothing moves.
  every_command_shows(cli, first, "readers again");
  CHECK(track_view(json::parse(cli.run("track 1 --format json"))) == first);

  // An article ingested between commands: what the store says stands (it
  // is what the last track decided) and every command still agrees.
  cli.run("ingest " + q(thread / "03-glide-sales-halt-repairs.txt"));
  every_command_shows(cli, first, "after an ingest, before track");

  // A diff in between shows a comparison and changes no stored status.
  const json diff = json::parse(cli.run("diff 1 3 --format json"));
  CHECK(diff["recorded"] == false);
  for (const auto& c : diff["claims"]) CHECK(c["stored_status"] == first.at(c["id"]).status);
  every_command_shows(cli, first, "after a diff");

  // track decides again from all the evidence; everything follows.
  const View second = track_view(json::parse(cli.run("track 1 --format json")));
  std::set<std::int64_t> third;
  for (const auto& c : json::parse(cli.run("claims --article 3 --format json")))
    third.insert(c["id"].get<std::int64_t>());
  bool from_third = false;
  for (const auto& [id, s] : second)
    for (auto e : s.evidence) from_third = from_third || third.count(e) > 0;
  CHECK(from_third);
  every_command_shows(cli, second, "after the second track");
  // ... and in the other order, a reader before track.
  every_command_shows(cli, second, "readers before a third track");
  CHECK(track_view(json::parse(cli.run("track 1 --format json"))) == second);
}

TEST_CASE("a fact-checker confirms or rejects evidence: the status follows everywhere, with history") {
  TempDir tmp;
  Cli cli(tmp.path() / "t.db");
  const fs::path thread = source_dir() / "fixtures" / "threads" / "arvane-glide-recall";
  cli.run("ingest " + q(thread / "01-arvane-recall-plan.txt") + " " + q(thread / "02-arvane-recall-announced.txt") +
          " " + q(thread / "03-glide-sales-halt-repairs.txt"));
  for (const auto& c : json::parse(cli.run("claims --article 1 --format json")))
    cli.run("verdict " + std::to_string(c["id"].get<std::int64_t>()) + " --status unverified --note checking");
  const json tracked = json::parse(cli.run("track 1 --format json"));

  // A claim whose status rests on one deciding link: reject it.
  const json* claim = nullptr;
  for (const auto& c : tracked["claims"])
    if (c["status"] != "unaddressed" && !c["evidence"].empty()) {
      claim = &c;
      break;
    }
  REQUIRE(claim != nullptr);
  const std::int64_t id = (*claim)["id"];
  const std::int64_t link = (*claim)["evidence"][0]["link"];
  const std::int64_t rejected_later = (*claim)["evidence"][0]["claim"];
  const std::string said =
      cli.run("evidence reject " + std::to_string(link) + " --note 'not the same recall' --by ana");
  CHECK(said.find("link " + std::to_string(link) + ": rejected") != std::string::npos);

  // Rejected: it no longer counts, and no command shows it as evidence.
  const View after = claims_view(json::parse(cli.run("claims --article 1 --format json")));
  for (auto e : after.at(id).evidence) CHECK(e != rejected_later);
  every_command_shows(cli, after, "after a rejection");
  // track again does not bring it back, and decides as the review left it.
  CHECK(track_view(json::parse(cli.run("track 1 --format json"))) == after);
  const json listed = json::parse(cli.run("evidence list " + std::to_string(id) + " --format json"));
  bool kept = false;
  for (const auto& e : listed["evidence"])
    if (e["link"] == link) {
      kept = true;
      CHECK(e["review"] == "rejected");
      REQUIRE(e["reviews"].size() == 1);
      CHECK(e["reviews"][0]["by"] == "ana");
      CHECK(e["reviews"][0]["note"] == "not the same recall");
      CHECK(e["reviews"][0]["previous"] == "suggested");
    }
  CHECK(kept);

  // Confirming a link of another claim: a confirmed link outranks the
  // suggested ones, so it decides, everywhere.
  for (const auto& c : tracked["claims"]) {
    if (c["id"] == id || c["evidence"].size() < 2) continue;
    const json& last = c["evidence"][c["evidence"].size() - 1];
    if (last["status"] == "restated" || last["status"] == "open") continue;
    cli.run("evidence confirm " + std::to_string(last["link"].get<std::int64_t>()));
    const View now = claims_view(json::parse(cli.run("claims --article 1 --format json")));
    const Seen& s = now.at(c["id"].get<std::int64_t>());
    CHECK(s.status == last["status"]);
    REQUIRE(!s.evidence.empty());
    CHECK(s.evidence.front() == last["claim"]);
    every_command_shows(cli, now, "after a confirmation");
    break;
  }
}

TEST_CASE("evidence: unknown ids exit 1 naming them; a bad subcommand is a usage error") {
  TempDir tmp;
  Cli cli(tmp.path() / "t.db");
  const fs::path thread = source_dir() / "fixtures" / "threads" / "arvane-glide-recall";
  cli.run("ingest " + q(thread / "01-arvane-recall-plan.txt"));
  CHECK(cli.run("evidence confirm 4242", 1).find("no evidence link with id 4242") != std::string::npos);
  CHECK(cli.run("evidence reject 4242 --note x", 1).find("no evidence link with id 4242") != std::string::npos);
  CHECK(cli.run("evidence list 4242", 1).find("no claim with id 4242") != std::string::npos);
  CHECK(cli.run("evidence approve 1", 2).find("usage") != std::string::npos);
  CHECK(cli.run("evidence confirm x", 2).find("not an id") != std::string::npos);
}
