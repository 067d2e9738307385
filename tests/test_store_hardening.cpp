// What a user sees when the store or a search is not what claimtrail expects:
// a store changed outside claimtrail, a path that is not a store file, a
// locked store, searches with nothing to search for or with FTS5 syntax in
// them. One line each, in words, with the SPEC §5 exit code: most of these
// run the binary, because the exit code and the one line on standard error
// are what they test (stores are made through the library). What the store
// and its search accept, and fts_query, are tested through the library.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "store/queries.hpp"
#include "store/store.hpp"
#include "testutil.hpp"

using claimtrail::store::Store;
using claimtrail::testutil::ingest_file;
using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::slurp;
using claimtrail::testutil::source_dir;
using claimtrail::testutil::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const char* name) { return source_dir() / "fixtures" / "articles" / name; }

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// A store file holding one fixture article.
fs::path make_store(const TempDir& tmp, const std::string& name) {
  return claimtrail::testutil::store_file(tmp.path() / name, {fixture("ap-helsinki-ferry-strike.txt")});
}

// Bytes of the store file and its write-ahead log: "left as it was".
std::string store_bytes(const fs::path& db) {
  std::string b = slurp(db);
  if (fs::exists(db.string() + "-wal")) b += slurp(db.string() + "-wal");
  return b;
}

}  // namespace

TEST_CASE("a store whose tables were changed outside claimtrail is called damaged, in words, exit 3") {
  TempDir tmp;
  std::string out, err;
  struct Damage {
    const char* sql;
    const char* says;
  };
  const Damage damages[] = {
      {"DROP TABLE claim_links", "(missing table claim_links)"},
      {"ALTER TABLE verdicts RENAME TO verdicts_old", "(missing table verdicts)"},
      {"ALTER TABLE claims RENAME COLUMN cue TO cue_words", "(missing column claims.cue)"},
      {"ALTER TABLE articles DROP COLUMN tracked_at", "(missing column articles.tracked_at)"},
      {"DROP TABLE claims_fts", "(missing table"},
  };
  int n = 0;
  for (const auto& d : damages) {
    CAPTURE(d.sql);
    const fs::path db = make_store(tmp, "s" + std::to_string(++n) + ".db");
    {
      SQLite::Database h(db.string(), SQLite::OPEN_READWRITE);
      h.exec(d.sql);
    }
    const std::string before = store_bytes(db);
    for (const std::string& cmd : std::vector<std::string>{"report 1", "claims", "track 1",
                                                           "ingest -q " + q(fixture("ap-dairy-ammonia-lawsuit.txt"))}) {
      CAPTURE(cmd);
      CHECK(run_cli(cmd + " --db " + q(db), &out, &err) == 3);
      CHECK(err.find("the store is damaged or was changed outside claimtrail") != std::string::npos);
      CHECK(err.find(d.says) != std::string::npos);
      CHECK(err.find("restore a backup") != std::string::npos);
      CHECK(err.find("no such") == std::string::npos);  // not SQLite's own words
      CHECK(lines(err) == 1);
    }
    CHECK(store_bytes(db) == before);
  }
  // An extra table or column of the user's own is no damage.
  const fs::path db = make_store(tmp, "extra.db");
  {
    SQLite::Database h(db.string(), SQLite::OPEN_READWRITE);
    h.exec("CREATE TABLE my_notes (x)");
    h.exec("ALTER TABLE claims ADD COLUMN my_flag INTEGER");
  }
  Store st(db.string(), Store::Access::read_only);
  CHECK(!claimtrail::store::find_claims(st, {}).empty());
}

TEST_CASE("a path that is not a regular file, or an empty file read, is not a claimtrail store") {
  TempDir tmp;
  std::string out, err;
  // A device.
  for (const char* cmd : {"claims", "report 1", "ingest -q "}) {
    CAPTURE(cmd);
    std::string c = cmd;
    if (c.rfind("ingest", 0) == 0) c += q(fixture("ap-helsinki-ferry-strike.txt"));
    CHECK(run_cli(c + " --db /dev/null", &out, &err) == 3);
    CHECK(err.find("not a claimtrail store: not a regular file") != std::string::npos);
    CHECK(err.find("older schema") == std::string::npos);
    CHECK(lines(err) == 1);
  }
  // A directory.
  CHECK(run_cli("claims --db " + q(tmp.path()), &out, &err) == 3);
  CHECK(err.find("not a claimtrail store: not a regular file") != std::string::npos);
  // A fifo is refused without being read (this process holds it open with
  // bytes in it, so a reader would not block).
  const fs::path fifo = tmp.path() / "fifo.db";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, "SQLite format 3\0 and more", 25) == 25);
  CHECK(run_cli("claims --db " + q(fifo), &out, &err) == 3);
  CHECK(err.find("not a claimtrail store: not a regular file") != std::string::npos);
  CHECK(lines(err) == 1);
  ::close(fd);
  // An empty file opened for reading is not a store, and stays as it was
  // (no write-ahead log beside it).
  const fs::path empty = tmp.path() / "empty.db";
  std::ofstream(empty).close();
  for (const char* cmd : {"claims", "sources", "report 1", "verdict 1 --status confirmed --note x"}) {
    CAPTURE(cmd);
    CHECK(run_cli(std::string(cmd) + " --db " + q(empty), &out, &err) == 3);
    CHECK(err.find("not a claimtrail store (empty file)") != std::string::npos);
    CHECK(err.find("older schema") == std::string::npos);
    CHECK(lines(err) == 1);
  }
  CHECK(fs::file_size(empty) == 0);
  CHECK_FALSE(fs::exists(empty.string() + "-wal"));
  // Storing into an empty file makes it a store (mktemp, then ingest).
  claimtrail::testutil::store_file(empty, {fixture("ap-helsinki-ferry-strike.txt")});
  Store st(empty.string(), Store::Access::read_only);
  CHECK(!claimtrail::store::find_claims(st, {}).empty());
}

TEST_CASE("a newer store and a locked store: one line each, exit 3, for readers and writers") {
  TempDir tmp;
  std::string out, err;
  const fs::path newer = make_store(tmp, "newer.db");
  {
    SQLite::Database h(newer.string(), SQLite::OPEN_READWRITE);
    h.exec("PRAGMA user_version = 99");
  }
  for (const char* cmd : {"claims", "report 1", "track 1"}) {
    CAPTURE(cmd);
    CHECK(run_cli(std::string(cmd) + " --db " + q(newer), &out, &err) == 3);
    CHECK(err.find("newer than this claimtrail") != std::string::npos);
    CHECK(lines(err) == 1);
  }
  // Another process holds the write lock for longer than claimtrail waits.
  const fs::path locked = make_store(tmp, "locked.db");
  SQLite::Database holder(locked.string(), SQLite::OPEN_READWRITE);
  holder.exec("BEGIN EXCLUSIVE");
  holder.exec("INSERT INTO corrections (action, target, before, after, created_at) VALUES ('x', 0, '{}', '{}', 'now')");
  CHECK(run_cli("ingest -q --db " + q(locked) + " " + q(fixture("ap-dairy-ammonia-lawsuit.txt")), &out, &err) == 3);
  CHECK(err.find("locked by another process") != std::string::npos);
  CHECK(lines(err) == 1);
  holder.exec("ROLLBACK");
  CHECK(run_cli("ingest -q --db " + q(locked) + " " + q(fixture("ap-dairy-ammonia-lawsuit.txt")), &out, &err) == 0);
}

TEST_CASE("a search with no searchable words says so and lists what it ignored, exit 2") {
  TempDir tmp;
  const fs::path db = make_store(tmp, "s.db");
  std::string out, err;
  CHECK(run_cli("claims --search '' --db " + q(db), &out, &err) == 2);
  CHECK(err.find("no searchable words") != std::string::npos);
  CHECK(out.empty());
  CHECK(lines(err) == 1);
  CHECK(run_cli("claims --search 'the of and' --format json --db " + q(db), &out, &err) == 2);
  CHECK(err.find("no searchable words") != std::string::npos);
  CHECK(err.find("the, of, and") != std::string::npos);
  CHECK(out.empty());
  CHECK(lines(err) == 1);
  CHECK(run_cli("claims --search '!!! ... --' --db " + q(db), &out, &err) == 2);
  CHECK(err.find("no searchable words") != std::string::npos);
  CHECK(err.find("!!!") != std::string::npos);
  CHECK(lines(err) == 1);
  // A real word among them still searches.
  CHECK(run_cli("claims --search 'the strike' --format json --db " + q(db), &out, &err) == 0);
  CHECK_FALSE(json::parse(out).empty());
}

TEST_CASE("search words FTS5 would read as syntax or as phrases search, never fail") {
  TempDir tmp;
  Store st(":memory:");
  ingest_file(st, claimtrail::testutil::write_file(
                      tmp.path() / "pub.txt",
                      "Harbour night ends\n\nThe harbour master said the rock'n'roll night at the O'Malley pub "
                      "in the X.Q. district ended at dawn.\n"));
  auto search = [&](const char* words) {
    claimtrail::store::ClaimFilter f;
    f.search = words;
    return claimtrail::store::find_claims(st, f);
  };
  // Words with inner punctuation find the claim holding them.
  for (const char* s : {"O'Malley", "rock'n'roll", "X.Q.", "o'malley pub", "\"dawn\" OR", "(dawn)", "^dawn*",
                        "dawn AND", "NOT dawn", "dawn\"pub"}) {
    CAPTURE(s);
    REQUIRE(claimtrail::store::fts_query(s));
    CHECK(search(s).size() == 1);
  }
  // FTS5 keywords and operators alone: nothing searchable (`claims --search`
  // refuses it, exit 2), or words; never a store error.
  for (const char* s : {"AND", "OR", "NOT", "NEAR", "NEAR(dawn pub)", "norm:dawn", "\"", "*", "^", ":", "(", ")",
                        "\"\"\"", "AND OR NOT NEAR"}) {
    CAPTURE(s);
    CHECK_NOTHROW(search(s));
  }
}

TEST_CASE("fts_query: any UTF-8 gives a query the store's index accepts, or nothing to search") {
  using claimtrail::store::fts_query;
  TempDir tmp;
  const claimtrail::store::Store st((tmp.path() / "s.db").string());  // the store's schema
  // One row written into its index behind the store's back.
  SQLite::Database d(st.path(), SQLite::OPEN_READWRITE);
  d.exec("INSERT INTO claims_fts (rowid, norm) VALUES (1, 'rock''n''rol night o''malley pub x.q. district end dawn')");
  SQLite::Statement m(d, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?");
  auto matches = [&](const std::string& query) {
    m.reset();
    m.bind(1, query);
    REQUIRE(m.executeStep());
    return m.getColumn(0).getInt();
  };
  // Nothing searchable.
  for (const std::string& s :
       {std::string(), std::string("   "), std::string("the of and"), std::string("!!! ... --"), std::string("\"\"\""),
        std::string("* ^ : ( ) + { } -"), std::string(5, '\0'), std::string("2,500 3.2 five")})
    CHECK_FALSE(fts_query(s));
  // Words with FTS5's syntax around or inside them are words.
  CHECK(fts_query("dawn") == "\"dawn\"");
  for (const std::string& s :
       {std::string("O'Malley"), std::string("X.Q."), std::string("^dawn* AND (pub)"), std::string("dawn\"pub"),
        std::string("NOT dawn OR"), std::string("dawn\0pub"), std::string("Dawn, pub; DISTRICT")}) {
    CAPTURE(s);
    const auto fq = fts_query(s);
    REQUIRE(fq);
    CHECK(matches(*fq) == 1);
  }
  // Random strings of pieces FTS5 or the normaliser treat specially, and a
  // huge input: never an error from SQLite.
  const std::vector<std::string> pieces = {"\"",
                                           "'",
                                           "*",
                                           "^",
                                           ":",
                                           "(",
                                           ")",
                                           "+",
                                           "-",
                                           "{",
                                           "}",
                                           ".",
                                           ",",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\n",
                                           std::string(1, '\0'),
                                           "AND",
                                           "OR",
                                           "NOT",
                                           "NEAR",
                                           "and",
                                           "near",
                                           "NEAR(",
                                           "x",
                                           "dawn",
                                           "U.S.",
                                           "o'",
                                           "rock'n'roll",
                                           "3.2",
                                           "2,500",
                                           "\xC3\xA9",
                                           "e\xCC\x81",
                                           "\xC7\x85",
                                           "\xD9\xA3",
                                           "\xC2\xB7",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xEF\xBC\x82",
                                           "\xE4\xB8\xAD\xE6\x96\x87",
                                           "\xF0\x9F\x99\x82",
                                           "\xE2\x80\x8D",
                                           "\xC2\xA0",
                                           "$",
                                           "%",
                                           "\xE2\x82\xAC",
                                           "Sept. 6",
                                           "next month",
                                           "y2024",
                                           "m202409",
                                           "_",
                                           "\x1A",
                                           "\\",
                                           "0",
                                           "is",
                                           "n't",
                                           "'s"};
  std::mt19937 rng(11);
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    CAPTURE(s);
    if (const auto fq = fts_query(s)) CHECK_NOTHROW(matches(*fq));
  }
  std::string huge;
  for (int i = 0; huge.size() < 200000; ++i) huge += "w" + std::to_string(i) + (i % 7 ? " AND " : "\" NEAR(");
  const auto fq = fts_query(huge);
  REQUIRE(fq);
  CHECK(matches(*fq) == 0);
}

TEST_CASE("SQLite's words for a missing table or column read as a damaged store") {
  using claimtrail::store::describe_sqlite_error;
  CHECK(describe_sqlite_error(SQLITE_ERROR, "no such table: claim_links") ==
        "the store is damaged or was changed outside claimtrail (missing table claim_links); restore a backup");
  CHECK(describe_sqlite_error(SQLITE_ERROR, "no such table: main.claims_fts_data") ==
        "the store is damaged or was changed outside claimtrail (missing table claims_fts_data); restore a backup");
  CHECK(describe_sqlite_error(SQLITE_ERROR, "no such column: c.cue_spans") ==
        "the store is damaged or was changed outside claimtrail (missing column c.cue_spans); restore a backup");
  CHECK(describe_sqlite_error(SQLITE_BUSY, "database is locked").find("locked by another process") !=
        std::string::npos);
  CHECK(describe_sqlite_error(SQLITE_BUSY_SNAPSHOT, "database is locked").find("locked by another process") !=
        std::string::npos);
}
