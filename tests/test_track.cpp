// track and diff through the library: what later articles did to each claim
// of an article, the JSON other tools rely on (report::track_json, which
// `track --format json` prints), the text memo, and what counts as
// independent corroboration. The command line: test_track_cli.cpp.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "report/store_render.hpp"
#include "store/queries.hpp"
#include "testutil.hpp"
#include "track/track.hpp"

using claimtrail::store::Store;
using claimtrail::testutil::ingest_file;
using claimtrail::testutil::TempDir;
using claimtrail::testutil::with_front_matter;
using claimtrail::testutil::write_file;
using nlohmann::json;
namespace fs = std::filesystem;
namespace track = claimtrail::track;

namespace {

const json* claim_starting(const json& claims, const std::string& start) {
  for (const auto& c : claims)
    if (c["text"].get<std::string>().find(start) != std::string::npos) return &c;
  return nullptr;
}

// Stores `body` as an article of `outlet` published on `date`.
void ingest(Store& st, const TempDir& tmp, const std::string& name, const std::string& outlet, const std::string& date,
            const std::string& body) {
  ingest_file(st, write_file(tmp.path() / name, with_front_matter(outlet, date, body)));
}

}  // namespace

TEST_CASE("diff: confirmed on the record, updated with the old and new value; the JSON contract") {
  TempDir tmp;
  Store st(":memory:");
  ingest(st, tmp, "a.txt", "Harbor Post", "2025-03-04",
         "Port strike looms\n\nDockworkers at the port will strike on March 10, two union officials said.\n\n"
         "The port handled 40,000 containers last month, the officials said.\n");
  ingest(st, tmp, "b.txt", "Valley Wire", "2025-03-11",
         "Strike shuts port\n\nUnion leader Mara Quist said dockworkers at the port began their strike on "
         "March 10.\n\nThe port handled 42,000 containers last month, port director Ivo Lang said.\n");
  track::Options diff;
  diff.against = std::vector<std::int64_t>{2};
  const json j = claimtrail::report::track_json(track::track(st, 1, diff));
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
  const std::string memo = claimtrail::report::track_text(track::track(st, 1));
  CHECK(memo.find("CONFIRMED ON THE RECORD (1)") != std::string::npos);
  CHECK(memo.find("was: 40,000  now: 42,000") != std::string::npos);
  // Tracking is recorded: the claims list shows the statuses.
  claimtrail::store::ClaimFilter updated;
  updated.status = "updated";
  CHECK(claimtrail::store::find_claims(st, updated).size() == 1);
}

TEST_CASE("a reprint or a citation of the first outlet is not independent corroboration") {
  TempDir tmp;
  Store st(":memory:");
  ingest(st, tmp, "a.txt", "Harbor Post", "2025-05-02",
         "Schools to close\n\nThe ministry will close 12 rural schools next year, two officials said.\n");
  ingest(st, tmp, "b.txt", "Harbor Post", "2025-05-03",
         "Schools to close\n\nThe ministry will close 12 rural schools next year, two officials "
         "said, according to a report on Friday.\n");
  ingest(st, tmp, "c.txt", "Valley Wire", "2025-05-04",
         "Closures reported\n\nThe ministry will close 12 rural schools next year, according to the "
         "Harbor Post.\n");
  const json j = claimtrail::report::track_json(track::track(st, 1));
  const json* c = claim_starting(j["claims"], "ministry will close 12 rural schools");
  REQUIRE(c);
  CHECK((*c)["status"] == "unaddressed");
  // A different outlet's own unnamed source does corroborate.
  ingest(st, tmp, "d.txt", "Mountain Times", "2025-05-06",
         "Closures\n\nThe ministry will close 12 rural schools next year, a senior education "
         "official told the Mountain Times.\n");
  const json again = claimtrail::report::track_json(track::track(st, 1));
  c = claim_starting(again["claims"], "ministry will close 12 rural schools");
  REQUIRE(c);
  CHECK((*c)["status"] == "corroborated");
}

TEST_CASE("the first outlet with another source of its own corroborates; in its own voice it restates") {
  TempDir tmp;
  Store st(":memory:");
  ingest(st, tmp, "a.txt", "Harbor Post", "2025-05-02",
         "Schools to close\n\nThe ministry will close 12 rural schools next year, two officials said.\n");
  ingest(st, tmp, "b.txt", "Harbor Post", "2025-05-09",
         "Closures\n\nThe ministry will close 12 rural schools next year.\n");
  const json* c = nullptr;
  json j = claimtrail::report::track_json(track::track(st, 1));
  c = claim_starting(j["claims"], "ministry will close 12 rural schools");
  REQUIRE(c);
  CHECK((*c)["status"] == "unaddressed");
  ingest(st, tmp, "c.txt", "Harbor Post", "2025-05-12",
         "Closures\n\nThe ministry will close 12 rural schools next year, a regional inspector said.\n");
  j = claimtrail::report::track_json(track::track(st, 1));
  c = claim_starting(j["claims"], "ministry will close 12 rural schools");
  REQUIRE(c);
  CHECK((*c)["status"] == "corroborated");
}
