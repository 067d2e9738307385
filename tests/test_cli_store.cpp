// The store's commands at the command line (ingest, claims, verdict, claim,
// source, report, export): what they print, their exit codes (SPEC §5) and
// their one-line errors. These run the binary because the command line is
// what they test; what the store does is tested through the library
// (test_store.cpp, test_report.cpp), and stores here are made through it.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "testutil.hpp"

using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::source_dir;
using claimtrail::testutil::store_file;
using claimtrail::testutil::TempDir;
using claimtrail::testutil::write_file;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path article(const char* name) { return source_dir() / "fixtures" / "articles" / name; }

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("ingest says what it stored: an article, the same text again, a new version") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const fs::path a = article("reuters-steel-quota-anonymous.txt");
  std::string out, err;
  REQUIRE(run_cli("ingest --db " + q(db) + " " + q(a), &out, &err) == 0);
  CHECK(out.find("stored as article 1") != std::string::npos);
  REQUIRE(run_cli("ingest --db " + q(db) + " " + q(a), &out, &err) == 0);
  CHECK(out.find("already stored as article 1") != std::string::npos);
  const fs::path v1 = write_file(tmp.path() / "v1.txt", "Headline\n\nThe mayor said the bridge would reopen in May.\n");
  const fs::path v2 =
      write_file(tmp.path() / "v2.txt", "Headline\n\nThe mayor said the bridge would reopen in June.\n");
  REQUIRE(run_cli("ingest --url https://x.org/1 --db " + q(db) + " " + q(v1), &out, &err) == 0);
  REQUIRE(run_cli("ingest --url https://x.org/1 --db " + q(db) + " " + q(v2), &out, &err) == 0);
  CHECK(out.find("a new version of article 2") != std::string::npos);
}

TEST_CASE("bad requests: exit 1 for what the store lacks, 2 for a misused command") {
  TempDir tmp;
  const fs::path db = store_file(tmp.path() / "t.db", {article("ap-helsinki-ferry-strike.txt")});
  std::string out, err;
  CHECK(run_cli("verdict 999 --status confirmed --note x --db " + q(db), &out, &err) == 1);
  CHECK(err.find("no claim with id 999") != std::string::npos);
  CHECK(lines(err) == 1);
  CHECK(run_cli("verdict 1 --status maybe --note x --db " + q(db), &out, &err) == 2);
  CHECK(run_cli("claims --status sideways --db " + q(db), &out, &err) == 2);
  CHECK(run_cli("claim fix 1 --category nonsense --db " + q(db), &out, &err) != 0);
  CHECK(run_cli("source merge 'Nobody Here' 1 --db " + q(db), &out, &err) == 1);
  CHECK(run_cli("report --outlet X --source Y --db " + q(db), &out, &err) == 2);
  CHECK(run_cli("report --thread --format csv --db " + q(db) + " 1", &out, &err) == 2);  // a thread has no CSV
  CHECK(run_cli("export --claimreview --db " + q(db), &out, &err) == 2);                 // --org is required
}

TEST_CASE("bad stores: exit 3 and one line, for readers and writers") {
  TempDir tmp;
  const fs::path a = article("ap-helsinki-ferry-strike.txt");
  const std::string ingest = "ingest -q " + q(article("ap-dairy-ammonia-lawsuit.txt"));
  std::string out, err;
  auto refused = [&](const std::string& command, const fs::path& db, const char* says) {
    CAPTURE(command);
    CHECK(run_cli(command + " --db " + q(db), &out, &err) == 3);
    CHECK(err.find(says) != std::string::npos);
    CHECK(lines(err) == 1);
  };
  refused(ingest, write_file(tmp.path() / "junk.db", "not a database\n"), "not a claimtrail store");
  const fs::path other = tmp.path() / "other.db";
  {
    SQLite::Database d(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec("CREATE TABLE t (x)");
  }
  refused("claims", other, "another application");
  const fs::path newer = store_file(tmp.path() / "newer.db", {a});
  {
    SQLite::Database d(newer.string(), SQLite::OPEN_READWRITE);
    d.exec("PRAGMA user_version = 99");
  }
  refused(ingest, newer, "newer than this claimtrail");
  const fs::path ro = store_file(tmp.path() / "ro.db", {a});
  ::chmod(ro.c_str(), 0444);
  if (::access(ro.c_str(), W_OK) != 0) {  // (root can write anyway)
    refused(ingest, ro, "read-only");
    CHECK(run_cli("claims --db " + q(ro), &out, &err) == 0);  // reading still works
  }
  refused("claims", tmp.path() / "missing.db", "no such store");
  const fs::path bad = tmp.path() / "bad.db";
  claimtrail::testutil::make_corrupt_store(bad, a);
  refused("claims", bad, bad.string().c_str());
}

TEST_CASE("report FILE: a file the store does not hold is parsed in memory, no store written") {
  TempDir tmp;
  const fs::path f = write_file(tmp.path() / "a.txt",
                                "---\noutlet: Harbor Post\npublished: 2025-03-04\n---\nCouncil row\n\n"
                                "The plan could cost 40 million euros, two officials said.\n\n"
                                "Mayor Jane Doe said the budget was balanced.\n");
  const fs::path db = tmp.path() / "none.db";
  std::string out, err;
  REQUIRE(run_cli("report --format json --db " + q(db) + " " + q(f), &out, &err) == 0);
  CHECK_FALSE(fs::exists(db));
  const json j = json::parse(out);
  CHECK(j["profile"]["statements"] == 2);
  CHECK(j["article"]["outlet"] == "Harbor Post");
  // A file the store holds is reported from the store (its claims' ids).
  store_file(db, {article("ap-helsinki-ferry-strike.txt"), f});
  REQUIRE(run_cli("report --format json --db " + q(db) + " " + q(f), &out, &err) == 0);
  CHECK(json::parse(out)["article"]["id"] == 2);
}

TEST_CASE("diff OLD NEW with NEW published before OLD is a usage error naming both dates") {
  TempDir tmp;
  const std::string db = " --db " + q(tmp.path() / "t.db");
  const auto thread = source_dir() / "fixtures" / "threads" / "arvane-glide-recall";
  std::string out, err;
  REQUIRE(run_cli("ingest -q" + db + " " + q(thread / "01-arvane-recall-plan.txt") + " " +
                      q(thread / "02-arvane-recall-announced.txt"),
                  &out, &err) == 0);
  CHECK(run_cli("diff 2 1" + db, &out, &err) == 2);
  CHECK(out.empty());
  CHECK(err.find("2025-03-04") != std::string::npos);
  CHECK(err.find("2025-03-07") != std::string::npos);
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  CHECK(run_cli("diff 1 2" + db, &out, &err) == 0);
  CHECK(run_cli("diff 1 99" + db, &out, &err) == 1);  // an unknown id
  CHECK(err.find("no article with id 99") != std::string::npos);
}
