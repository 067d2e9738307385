// The claim store through the CLI and the library: round trips, duplicates and
// versions, verdicts, corrections, search, and what bad stores do.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "extract/extractor.hpp"
#include "store/queries.hpp"
#include "store/store.hpp"
#include "store/tracking.hpp"
#include "testutil.hpp"
#include "track/track.hpp"

using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::slurp;
using claimtrail::testutil::source_dir;
using claimtrail::testutil::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path article(const char* name) { return source_dir() / "fixtures" / "articles" / name; }

std::string file_bytes(const fs::path& p) { return slurp(p); }

}  // namespace

TEST_CASE("ingest stores every claim extract finds, once") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const fs::path a = article("reuters-steel-quota-anonymous.txt");
  std::string out, err;
  REQUIRE(run_cli("ingest --db " + q(db) + " " + q(a), &out, &err) == 0);
  CHECK(out.find("stored as article 1") != std::string::npos);
  // The same text again: nothing written, and it says so.
  REQUIRE(run_cli("ingest --db " + q(db) + " " + q(a), &out, &err) == 0);
  CHECK(out.find("already stored as article 1") != std::string::npos);

  std::string ex;
  REQUIRE(run_cli("extract --format json " + q(a), &ex) == 0);
  const json e = json::parse(ex);
  REQUIRE(run_cli("claims --format json --db " + q(db), &out) == 0);
  const json claims = json::parse(out);
  REQUIRE(claims.size() == e["attributions"].size() + e["unattributed"].size());
  for (std::size_t i = 0; i < e["attributions"].size(); ++i) {
    CHECK(claims[i]["text"] == e["attributions"][i]["content"]["text"]);
    CHECK(claims[i]["kind"] == e["attributions"][i]["kind"]);
    if (!e["attributions"][i]["source"].is_null())
      CHECK(claims[i]["source"]["category"] == e["attributions"][i]["source"]["category"]);
  }
  CHECK(claims[0]["status"] == "untracked");
  SQLite::Database d(db.string());
  CHECK(d.execAndGet("SELECT count(*) FROM articles").getInt() == 1);
  CHECK(d.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(d.execAndGet("PRAGMA user_version").getInt() == claimtrail::store::Store::latest_schema_version());
}

TEST_CASE("front matter, dateline and relative dates") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const fs::path f = tmp.path() / "a.txt";
  std::ofstream(f) << "---\noutlet: Example Wire\nurl: https://example.org/a\npublished: 2024-09-06\n---\n"
                      "Talks end, officials say\n\nThe deal could be announced this month, two officials said. "
                      "The minister said on Friday that the talks had ended.\n";
  std::string out;
  REQUIRE(run_cli("ingest --db " + q(db) + " " + q(f), &out) == 0);
  REQUIRE(run_cli("claims --format json --db " + q(db), &out) == 0);
  const json c = json::parse(out);
  REQUIRE(c.size() >= 2);
  CHECK(c[0]["article"]["outlet"] == "Example Wire");
  CHECK(c[0]["article"]["published"] == "2024-09-06");
  CHECK(c[0]["article"]["url"] == "https://example.org/a");
  bool month = false;
  for (const auto& claim : c)
    for (const auto& d : claim["dates"])
      if (d["text"] == "this month" && d["value"] == "2024-09") month = true;
  CHECK(month);
  // Offsets refer to the text after the front matter.
  REQUIRE(run_cli("extract --emit-text " + q(f), &out) == 0);
  CHECK(out.rfind("Talks end", 0) == 0);
}

TEST_CASE("a changed text under the same URL is a new version") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const fs::path a = tmp.path() / "a.txt", b = tmp.path() / "b.txt";
  std::ofstream(a) << "Headline\n\nThe mayor said the bridge would reopen in May.\n";
  std::ofstream(b) << "Headline\n\nThe mayor said the bridge would reopen in June.\n";
  std::string out;
  REQUIRE(run_cli("ingest --url https://x.org/1 --db " + q(db) + " " + q(a), &out) == 0);
  REQUIRE(run_cli("ingest --url https://x.org/1 --db " + q(db) + " " + q(b), &out) == 0);
  CHECK(out.find("a new version of article 1") != std::string::npos);
  SQLite::Database d(db.string());
  CHECK(d.execAndGet("SELECT previous_id FROM articles WHERE id = 2").getInt() == 1);
}

TEST_CASE("verdicts keep their history; claims filter by verdict, status and words") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  std::string out, err;
  REQUIRE(run_cli("ingest --db " + q(db) + " " + q(article("ap-helsinki-ferry-strike.txt")), &out) == 0);
  REQUIRE(run_cli("verdict 1 --status disputed --note 'one source only' --db " + q(db), &out) == 0);
  REQUIRE(run_cli("verdict 1 --status confirmed --note 'union statement' --evidence https://x.org --db " + q(db),
                  &out) == 0);
  REQUIRE(run_cli("claim show 1 --format json --db " + q(db), &out) == 0);
  const json c = json::parse(out);
  CHECK(c["verdict"]["verdict"] == "confirmed");
  REQUIRE(c["verdicts"].size() == 2);
  CHECK(c["verdicts"][0]["verdict"] == "disputed");
  REQUIRE(run_cli("claims --verdict confirmed --format json --db " + q(db), &out) == 0);
  CHECK(json::parse(out).size() == 1);
  REQUIRE(run_cli("claims --status untracked --format json --db " + q(db), &out) == 0);
  CHECK(json::parse(out).size() >= 2);
  // Full-text search finds a claim by a word of it, in another form.
  const std::string text = c["text"];
  std::string word;
  for (std::size_t i = 0, b = 0; i <= text.size(); ++i)
    if (i == text.size() || !std::isalpha(static_cast<unsigned char>(text[i]))) {
      if (i - b > word.size()) word = text.substr(b, i - b);
      b = i + 1;
    }
  REQUIRE(run_cli("claims --search '" + word + "' --format json --db " + q(db), &out) == 0);
  bool found = false;
  for (const auto& x : json::parse(out)) found = found || x["id"] == 1;
  CHECK(found);
  // Bad requests: an unknown claim, an invalid verdict; the store is unchanged.
  const std::string before = file_bytes(db);
  CHECK(run_cli("verdict 999 --status confirmed --note x --db " + q(db), &out, &err) == 1);
  CHECK(err.find("no claim with id 999") != std::string::npos);
  CHECK(run_cli("verdict 1 --status maybe --note x --db " + q(db), &out, &err) == 2);
  CHECK(run_cli("claims --status sideways --db " + q(db), &out, &err) == 2);
}

TEST_CASE("source merge and claim fix are corrections kept in the history") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const fs::path a = tmp.path() / "a.txt", b = tmp.path() / "b.txt";
  std::ofstream(a) << "Headline\n\nJane Doe, the city's treasurer, said the budget was balanced.\n";
  std::ofstream(b) << "Headline\n\nJane Do, the city's treasurer, said the audit was late.\n";
  std::string out, err;
  REQUIRE(run_cli("ingest --db " + q(db) + " " + q(a) + " " + q(b), &out) == 0);
  REQUIRE(run_cli("source merge 'Jane Doe' 'Jane Do' --db " + q(db), &out, &err) == 0);
  REQUIRE(run_cli("claims --source 'Jane Doe' --format json --db " + q(db), &out) == 0);
  CHECK(json::parse(out).size() == 2);
  REQUIRE(run_cli("claim fix 1 --category unnamed_person --db " + q(db), &out) == 0);
  REQUIRE(run_cli("claim fix 2 --reject --db " + q(db), &out) == 0);
  REQUIRE(run_cli("claims --format json --db " + q(db), &out) == 0);
  const json c = json::parse(out);
  REQUIRE(c.size() == 1);
  CHECK(c[0]["source"]["category"] == "unnamed_person");
  CHECK(c[0]["source"]["anonymous"] == true);
  SQLite::Database d(db.string());
  CHECK(d.execAndGet("SELECT count(*) FROM corrections").getInt() == 3);
  CHECK(run_cli("claim fix 1 --category nonsense --db " + q(db), &out, &err) != 0);
  CHECK(run_cli("source merge 'Nobody Here' 1 --db " + q(db), &out, &err) == 1);
}

TEST_CASE("matching searches the index, never every stored claim") {
  TempDir tmp;
  claimtrail::store::Store st((tmp.path() / "t.db").string());
  // The candidate search of track/diff, and the search of `claims --search`.
  using claimtrail::store::IndexSearch;
  for (const IndexSearch search : {IndexSearch::candidates, IndexSearch::claims}) {
    const std::vector<std::string> steps = claimtrail::store::search_plan(st, search);
    std::string all;
    for (const auto& step : steps) all += step + "\n";
    INFO(all);
    CHECK(all.find("VIRTUAL TABLE INDEX") != std::string::npos);  // the FTS5 index
    // Every scan is of the full-text index; tables are reached by key.
    for (const auto& step : steps)
      if (step.rfind("SCAN ", 0) == 0 && step != "SCAN f")  // f: the index's ranked matches
        CHECK(step.find("VIRTUAL TABLE INDEX") != std::string::npos);
  }
}

TEST_CASE("bad stores are refused with one line, and left as they were") {
  TempDir tmp;
  std::string out, err;
  const fs::path a = article("ap-helsinki-ferry-strike.txt");
  // Not a SQLite file.
  const fs::path junk = tmp.path() / "junk.db";
  std::ofstream(junk) << "this is not a database, just text that happens to be here\n";
  CHECK(run_cli("ingest --db " + q(junk) + " " + q(a), &out, &err) == 3);
  CHECK(err.find("not a claimtrail store") != std::string::npos);
  CHECK(file_bytes(junk) == "this is not a database, just text that happens to be here\n");
  // Another application's SQLite database.
  const fs::path other = tmp.path() / "other.db";
  {
    SQLite::Database d(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec("CREATE TABLE t (x)");
  }
  CHECK(run_cli("claims --db " + q(other), &out, &err) == 3);
  CHECK(err.find("another application") != std::string::npos);
  // A store from a newer claimtrail.
  const fs::path newer = tmp.path() / "newer.db";
  REQUIRE(run_cli("ingest --db " + q(newer) + " " + q(a), &out, &err) == 0);
  {
    SQLite::Database d(newer.string(), SQLite::OPEN_READWRITE);
    d.exec("PRAGMA user_version = 99");
  }
  const std::string before = file_bytes(newer);
  CHECK(run_cli("ingest --db " + q(newer) + " " + q(article("ap-dairy-ammonia-lawsuit.txt")), &out, &err) == 3);
  CHECK(err.find("newer than this claimtrail") != std::string::npos);
  CHECK(file_bytes(newer) == before);
  // A read-only store.
  const fs::path ro = tmp.path() / "ro.db";
  REQUIRE(run_cli("ingest --db " + q(ro) + " " + q(a), &out, &err) == 0);
  REQUIRE(run_cli("claims --db " + q(ro), &out, &err) == 0);  // checkpoints nothing needed
  ::chmod(ro.c_str(), 0444);
  if (::access(ro.c_str(), W_OK) != 0) {  // (root can write anyway)
    const std::string ro_before = file_bytes(ro);
    CHECK(run_cli("ingest --db " + q(ro) + " " + q(article("ap-dairy-ammonia-lawsuit.txt")), &out, &err) == 3);
    CHECK(err.find("read-only") != std::string::npos);
    CHECK(file_bytes(ro) == ro_before);
    CHECK(run_cli("claims --db " + q(ro), &out, &err) == 0);  // reading still works
  }
  // A missing store for a read command.
  CHECK(run_cli("claims --db " + q(tmp.path() / "missing.db"), &out, &err) == 3);
  CHECK(err.find("no such store") != std::string::npos);
  // A truncated (corrupt) store.
  const fs::path bad = tmp.path() / "bad.db";
  REQUIRE(run_cli("ingest --db " + q(bad) + " " + q(a), &out, &err) == 0);
  {
    SQLite::Database d(bad.string(), SQLite::OPEN_READWRITE);  // checkpoint the WAL into the file
    d.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::string bytes = file_bytes(bad);
  fs::remove(bad.string() + "-wal");
  fs::remove(bad.string() + "-shm");
  for (std::size_t i = 100; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  std::ofstream(bad, std::ios::binary | std::ios::trunc) << bytes;
  const int code = run_cli("claims --db " + q(bad), &out, &err);
  CHECK(code == 3);
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
}

TEST_CASE("two processes ingesting into one store at once both succeed") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  std::vector<fs::path> files;
  for (int i = 0; i < 40; ++i) {
    files.push_back(tmp.path() / ("a" + std::to_string(i) + ".txt"));
    std::ofstream(files.back()) << "Headline " << i << "\n\nThe minister said on Friday that " << i
                                << " schools would close, officials said.\n";
  }
  std::string list1, list2;
  for (int i = 0; i < 40; ++i) (i % 2 ? list1 : list2) += " " + q(files[static_cast<std::size_t>(i)]);
  int c1 = -1, c2 = -1;
  std::string o1, o2, e1, e2;
  std::thread t1([&] { c1 = run_cli("ingest -q --db " + q(db) + list1, &o1, &e1); });
  std::thread t2([&] { c2 = run_cli("ingest -q --db " + q(db) + list2, &o2, &e2); });
  t1.join();
  t2.join();
  INFO(e1 << e2);
  CHECK(c1 == 0);
  CHECK(c2 == 0);
  SQLite::Database d(db.string());
  CHECK(d.execAndGet("SELECT count(*) FROM articles").getInt() == 40);
}
