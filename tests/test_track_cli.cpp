// track and diff through the CLI: the JSON shape other tools rely on, files
// ingested on the fly, and what counts as independent corroboration.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "testutil.hpp"

using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path write(const TempDir& tmp, const std::string& name, const std::string& outlet, const std::string& date,
               const std::string& body) {
  const fs::path p = tmp.path() / name;
  std::ofstream(p) << "---\noutlet: " << outlet << "\npublished: " << date << "\n---\n" << body;
  return p;
}

const json* claim_starting(const json& claims, const std::string& start) {
  for (const auto& c : claims)
    if (c["text"].get<std::string>().find(start) != std::string::npos) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("diff: the JSON contract, files ingested on the fly") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const auto a =
      write(tmp, "a.txt", "Harbor Post", "2025-03-04",
            "Port strike looms\n\nDockworkers at the port will strike on March 10, two union officials said.\n\n"
            "The port handled 40,000 containers last month, the officials said.\n");
  const auto b =
      write(tmp, "b.txt", "Valley Wire", "2025-03-11",
            "Strike shuts port\n\nUnion leader Mara Quist said dockworkers at the port began their strike on "
            "March 10.\n\nThe port handled 42,000 containers last month, port director Ivo Lang said.\n");
  std::string out, err;
  REQUIRE(run_cli("diff --format json --db " + q(db) + " " + q(a) + " " + q(b), &out, &err) == 0);
  const json j = json::parse(out);
  REQUIRE(j.contains("claims"));
  REQUIRE(j.contains("new"));
  for (const auto& c : j["claims"]) {
    for (const char* k : {"id", "text", "source", "status", "evidence"}) CHECK(c.contains(k));
    for (const auto& e : c["evidence"])
      for (const char* k : {"article", "published", "text", "source", "score", "old", "new"}) CHECK(e.contains(k));
  }
  const json* strike = claim_starting(j["claims"], "Dockworkers at the port will strike");
  REQUIRE(strike);
  CHECK((*strike)["status"] == "confirmed");
  CHECK((*strike)["evidence"][0]["source"]["category"] == "named_person");
  CHECK((*strike)["evidence"][0]["published"] == "2025-03-11");
  const json* count = claim_starting(j["claims"], "40,000 containers");
  REQUIRE(count);
  CHECK((*count)["status"] == "updated");
  CHECK((*count)["evidence"][0]["old"] == "40,000");
  CHECK((*count)["evidence"][0]["new"] == "42,000");
  // The text memo reads like one.
  REQUIRE(run_cli("track --db " + q(db) + " 1", &out, &err) == 0);
  CHECK(out.find("CONFIRMED ON THE RECORD (1)") != std::string::npos);
  CHECK(out.find("was: 40,000  now: 42,000") != std::string::npos);
  // Tracking is recorded: the claims list shows the statuses.
  REQUIRE(run_cli("claims --status updated --format json --db " + q(db), &out, &err) == 0);
  CHECK(json::parse(out).size() == 1);
}

TEST_CASE("a reprint or a citation of the first outlet is not independent corroboration") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const std::string claim = "the ministry will close 12 rural schools next year";
  const auto a = write(tmp, "a.txt", "Harbor Post", "2025-05-02",
                       "Schools to close\n\nThe ministry will close 12 rural schools next year, two officials said.\n");
  const auto reprint = write(tmp, "b.txt", "Harbor Post", "2025-05-03",
                             "Schools to close\n\nThe ministry will close 12 rural schools next year, two officials "
                             "said, according to a report on Friday.\n");
  const auto cites = write(tmp, "c.txt", "Valley Wire", "2025-05-04",
                           "Closures reported\n\nThe ministry will close 12 rural schools next year, according to the "
                           "Harbor Post.\n");
  std::string out, err;
  REQUIRE(run_cli("ingest -q --db " + q(db) + " " + q(a) + " " + q(reprint) + " " + q(cites), &out, &err) == 0);
  REQUIRE(run_cli("track --format json --db " + q(db) + " 1", &out, &err) == 0);
  const json j = json::parse(out);
  const json* c = claim_starting(j["claims"], "ministry will close 12 rural schools");
  REQUIRE(c);
  CHECK((*c)["status"] == "unaddressed");
  // A different outlet's own unnamed source does corroborate.
  const auto other = write(tmp, "d.txt", "Mountain Times", "2025-05-06",
                           "Closures\n\nThe ministry will close 12 rural schools next year, a senior education "
                           "official told the Mountain Times.\n");
  REQUIRE(run_cli("ingest -q --db " + q(db) + " " + q(other), &out, &err) == 0);
  REQUIRE(run_cli("track --format json --db " + q(db) + " 1", &out, &err) == 0);
  const json again = json::parse(out);
  c = claim_starting(again["claims"], "ministry will close 12 rural schools");
  REQUIRE(c);
  CHECK((*c)["status"] == "corroborated");
  (void)claim;
}

TEST_CASE("track and diff refuse what they cannot use") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  std::string out, err;
  CHECK(run_cli("track --db " + q(db) + " 42", &out, &err) == 1);
  CHECK(err.find("no article with id 42") != std::string::npos);
  CHECK(run_cli("diff --db " + q(db) + " 1", &out, &err) == 2);
  CHECK(run_cli("track --db " + q(db) + " " + q(tmp.path() / "missing.txt"), &out, &err) == 1);
  CHECK(run_cli("track --format yaml --db " + q(db) + " 1", &out, &err) == 2);
}
