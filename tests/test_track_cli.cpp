// track and diff at the command line: articles given as files are ingested on
// the fly, the output formats, and the exit codes of what they refuse. These
// run the binary because the command line is what they test; what tracking
// finds is tested through the library (test_track.cpp, test_track_threads.cpp).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "testutil.hpp"

using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::TempDir;
using claimtrail::testutil::with_front_matter;
using claimtrail::testutil::write_file;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("diff and track take files, ingested on the fly, and print JSON or a memo") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const auto a = write_file(
      tmp.path() / "a.txt",
      with_front_matter("Harbor Post", "2025-03-04",
                        "Port strike looms\n\nDockworkers at the port will strike on March 10, two union officials "
                        "said.\n"));
  const auto b = write_file(tmp.path() / "b.txt",
                            with_front_matter("Valley Wire", "2025-03-11",
                                              "Strike shuts port\n\nUnion leader Mara Quist said dockworkers at the "
                                              "port began their strike on March 10.\n"));
  std::string out, err;
  REQUIRE(run_cli("diff --format json --db " + q(db) + " " + q(a) + " " + q(b), &out, &err) == 0);
  const json j = json::parse(out);
  REQUIRE(j["claims"].size() == 1);
  CHECK(j["claims"][0]["status"] == "confirmed");
  CHECK(j.contains("new"));
  // Both files are stored now: the first is article 1, and a file already
  // stored is found again rather than stored twice.
  REQUIRE(run_cli("track --db " + q(db) + " 1", &out, &err) == 0);
  CHECK(out.find("CONFIRMED ON THE RECORD (1)") != std::string::npos);
  REQUIRE(run_cli("track --format json --db " + q(db) + " " + q(a), &out, &err) == 0);
  CHECK(json::parse(out)["claims"][0]["status"] == "confirmed");
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
