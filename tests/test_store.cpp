// The claim store through the library: round trips, duplicates and versions,
// verdicts, corrections, search, what bad stores do, and two processes
// writing at once. Stores live in memory unless the file is the point (its
// journal, its history table, a damaged or read-only file, locking). What the
// commands print and their exit codes: test_cli_store.cpp.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "article/input.hpp"
#include "extract/extractor.hpp"
#include "report/analysis_render.hpp"
#include "store/queries.hpp"
#include "store/store.hpp"
#include "store/tracking.hpp"
#include "testutil.hpp"

using claimtrail::store::Store;
using claimtrail::testutil::extractor;
using claimtrail::testutil::ingest_file;
using claimtrail::testutil::slurp;
using claimtrail::testutil::source_dir;
using claimtrail::testutil::store_file;
using claimtrail::testutil::TempDir;
using claimtrail::testutil::write_file;
using nlohmann::json;
namespace fs = std::filesystem;
namespace store = claimtrail::store;

namespace {

fs::path article(const char* name) { return source_dir() / "fixtures" / "articles" / name; }

// What `f` throws, or "" when it throws nothing.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("ingest stores every claim extract finds, once") {
  Store st(":memory:");
  const fs::path a = article("reuters-steel-quota-anonymous.txt");
  const store::IngestResult first = ingest_file(st, a);
  CHECK(first.article_id == 1);
  CHECK_FALSE(first.duplicate);
  // The same text again: nothing written, and the result says so.
  const store::IngestResult again = ingest_file(st, a);
  CHECK(again.duplicate);
  CHECK(again.article_id == 1);
  CHECK(store::article_ids(st) == std::vector<std::int64_t>{1});

  // Every claim of extract's analysis (SPEC §3), in order.
  const std::string text = claimtrail::article::read_article(a.string()).text;
  const json e = claimtrail::report::to_json(extractor().analyse(text), text, "a");
  const auto claims = store::find_claims(st, {});
  REQUIRE(claims.size() == e["attributions"].size() + e["unattributed"].size());
  CHECK(first.claims == claims.size());
  for (std::size_t i = 0; i < e["attributions"].size(); ++i) {
    CHECK(claims[i].text == e["attributions"][i]["content"]["text"]);
    CHECK(claims[i].kind == e["attributions"][i]["kind"]);
    if (!e["attributions"][i]["source"].is_null())
      CHECK(claims[i].category == e["attributions"][i]["source"]["category"]);
  }
  CHECK(claims[0].status == "untracked");
}

TEST_CASE("term counts kept beside the index agree with the index, after ingest and after reextraction") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  auto agree = [&] {
    SQLite::Database d(db.string());
    SQLite::Statement kept(d, "SELECT term, docs FROM term_docs ORDER BY term");
    SQLite::Statement index(d, "SELECT term, doc FROM claims_vocab ORDER BY term");
    std::vector<std::pair<std::string, std::int64_t>> a, b;
    while (kept.executeStep()) a.emplace_back(kept.getColumn(0).getString(), kept.getColumn(1).getInt64());
    while (index.executeStep()) b.emplace_back(index.getColumn(0).getString(), index.getColumn(1).getInt64());
    CHECK(!a.empty());
    CHECK(a == b);
  };
  std::int64_t first = 0;
  {
    Store st(db.string());
    first = ingest_file(st, article("reuters-steel-quota-anonymous.txt")).article_id;
    ingest_file(st, article("ap-dairy-ammonia-lawsuit.txt"));
  }
  agree();
  {
    Store st(db.string());
    const std::string text = slurp(article("reuters-steel-quota-anonymous.txt"));
    claimtrail::core::Analysis fewer = extractor().analyse(text);
    fewer.attributions.resize(fewer.attributions.size() / 2);  // an analysis that drops claims
    for (auto& at : fewer.attributions) at.parent = -1;
    st.replace_analysis(first, fewer, "test");
  }
  agree();
  // A store of the version before the counts (3) gets them from its index.
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
    d.exec("DROP TABLE term_docs");
    d.exec("PRAGMA user_version = 3");
  }
  { Store st(db.string()); }
  agree();
}

TEST_CASE("a store file is written ahead (WAL) and at the latest schema version") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  {
    Store st(db.string());
    ingest_file(st, article("reuters-steel-quota-anonymous.txt"));
    CHECK(st.schema_version() == Store::latest_schema_version());
  }
  SQLite::Database d(db.string());
  CHECK(d.execAndGet("SELECT count(*) FROM articles").getInt() == 1);
  CHECK(d.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(d.execAndGet("PRAGMA user_version").getInt() == Store::latest_schema_version());
}

TEST_CASE("front matter, dateline and relative dates") {
  TempDir tmp;
  const fs::path f =
      write_file(tmp.path() / "a.txt",
                 "---\noutlet: Example Wire\nurl: https://example.org/a\npublished: 2024-09-06\n---\n"
                 "Talks end, officials say\n\nThe deal could be announced this month, two officials said. "
                 "The minister said on Friday that the talks had ended.\n");
  Store st(":memory:");
  ingest_file(st, f);
  const auto c = store::find_claims(st, {});
  REQUIRE(c.size() >= 2);
  CHECK(c[0].outlet == "Example Wire");
  CHECK(c[0].published == "2024-09-06");
  CHECK(c[0].url == "https://example.org/a");
  bool month = false;
  for (const auto& claim : c)
    for (const auto& d : json::parse(claim.dates))
      if (d["text"] == "this month" && d["value"] == "2024-09") month = true;
  CHECK(month);
  // Offsets refer to the text after the front matter.
  CHECK(claimtrail::article::read_article(f.string()).text.rfind("Talks end", 0) == 0);
  CHECK(store::get_article(st, 1).text.rfind("Talks end", 0) == 0);
}

TEST_CASE("a changed text under the same URL is a new version") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";  // a file: the stored link is read back below
  const fs::path a = write_file(tmp.path() / "a.txt", "Headline\n\nThe mayor said the bridge would reopen in May.\n");
  const fs::path b = write_file(tmp.path() / "b.txt", "Headline\n\nThe mayor said the bridge would reopen in June.\n");
  claimtrail::article::Metadata url;
  url.url = "https://x.org/1";
  {
    Store st(db.string());
    CHECK(ingest_file(st, a, url).previous_id == 0);
    const store::IngestResult r = ingest_file(st, b, url);
    CHECK(r.article_id == 2);
    CHECK(r.previous_id == 1);
  }
  SQLite::Database d(db.string());
  CHECK(d.execAndGet("SELECT previous_id FROM articles WHERE id = 2").getInt() == 1);
}

TEST_CASE("verdicts keep their history; claims filter by verdict, status and words") {
  Store st(":memory:");
  ingest_file(st, article("ap-helsinki-ferry-strike.txt"));
  store::add_verdict(st, 1, "disputed", "one source only", "");
  store::add_verdict(st, 1, "confirmed", "union statement", "https://x.org");
  const auto c = store::get_claim(st, 1);
  REQUIRE(c);
  CHECK(c->verdict == "confirmed");
  const auto history = store::verdict_history(st, 1);
  REQUIRE(history.size() == 2);
  CHECK(history[0].verdict == "disputed");
  CHECK(history[1].evidence == "https://x.org");
  store::ClaimFilter by_verdict;
  by_verdict.verdict = "confirmed";
  CHECK(store::find_claims(st, by_verdict).size() == 1);
  store::ClaimFilter by_status;
  by_status.status = "untracked";
  CHECK(store::find_claims(st, by_status).size() >= 2);
  // Full-text search finds a claim by a word of it, in another form.
  const std::string& text = c->text;
  std::string word;
  for (std::size_t i = 0, b = 0; i <= text.size(); ++i)
    if (i == text.size() || !std::isalpha(static_cast<unsigned char>(text[i]))) {
      if (i - b > word.size()) word = text.substr(b, i - b);
      b = i + 1;
    }
  store::ClaimFilter by_words;
  by_words.search = word;
  bool found = false;
  for (const auto& x : store::find_claims(st, by_words)) found = found || x.id == 1;
  CHECK(found);
  // Bad requests: an unknown claim, an invalid verdict or status; the history is unchanged.
  CHECK(error_of([&] { store::add_verdict(st, 999, "confirmed", "x", ""); }).find("no claim with id 999") !=
        std::string::npos);
  CHECK_THROWS_AS(store::add_verdict(st, 1, "maybe", "x", ""), claimtrail::core::Error);
  CHECK_FALSE(store::is_verdict("maybe"));
  CHECK_FALSE(store::is_status("sideways"));
  CHECK(store::verdict_history(st, 1).size() == 2);
  CHECK(store::get_claim(st, 1)->verdict == "confirmed");
}

TEST_CASE("source merge and claim fix are corrections kept in the history") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";  // a file: the history table is read back below
  const fs::path a =
      write_file(tmp.path() / "a.txt", "Headline\n\nJane Doe, the city's treasurer, said the budget was balanced.\n");
  const fs::path b =
      write_file(tmp.path() / "b.txt", "Headline\n\nJane Do, the city's treasurer, said the audit was late.\n");
  {
    Store st(db.string());
    ingest_file(st, a);
    ingest_file(st, b);
    store::merge_sources(st, store::resolve_source(st, "Jane Doe"), store::resolve_source(st, "Jane Do"));
    store::ClaimFilter jane;
    jane.source = "Jane Doe";
    CHECK(store::find_claims(st, jane).size() == 2);
    store::ClaimFix category;
    category.category = "unnamed_person";
    store::fix_claim(st, 1, category);
    store::ClaimFix reject;
    reject.reject = true;
    store::fix_claim(st, 2, reject);
    const auto c = store::find_claims(st, {});
    REQUIRE(c.size() == 1);
    CHECK(c[0].category == "unnamed_person");
    CHECK(c[0].anonymous);
    // Bad corrections: an unknown category, an unknown source.
    store::ClaimFix nonsense;
    nonsense.category = "nonsense";
    CHECK_THROWS(store::fix_claim(st, 1, nonsense));
    CHECK_THROWS_AS(store::resolve_source(st, "Nobody Here"), claimtrail::core::Error);
  }
  SQLite::Database d(db.string());
  CHECK(d.execAndGet("SELECT count(*) FROM corrections").getInt() == 3);
}

TEST_CASE("matching searches the index, never every stored claim") {
  Store st(":memory:");
  // The candidate search of track/diff, and the search of `claims --search`.
  using store::IndexSearch;
  for (const IndexSearch search : {IndexSearch::candidates, IndexSearch::claims}) {
    const std::vector<std::string> steps = store::search_plan(st, search);
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

TEST_CASE("bad stores are refused in words, and left as they were") {
  TempDir tmp;
  const fs::path a = article("ap-helsinki-ferry-strike.txt");
  const fs::path later = article("ap-dairy-ammonia-lawsuit.txt");
  // Not a SQLite file.
  const fs::path junk =
      write_file(tmp.path() / "junk.db", "this is not a database, just text that happens to be here\n");
  CHECK(error_of([&] { Store st(junk.string()); }).find("not a claimtrail store") != std::string::npos);
  CHECK(slurp(junk) == "this is not a database, just text that happens to be here\n");
  // Another application's SQLite database.
  const fs::path other = tmp.path() / "other.db";
  {
    SQLite::Database d(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec("CREATE TABLE t (x)");
  }
  CHECK(error_of([&] { Store st(other.string(), Store::Access::read_only); }).find("another application") !=
        std::string::npos);
  // A store from a newer claimtrail.
  const fs::path newer = store_file(tmp.path() / "newer.db", {a});
  {
    SQLite::Database d(newer.string(), SQLite::OPEN_READWRITE);
    d.exec("PRAGMA user_version = 99");
  }
  const std::string before = slurp(newer);
  CHECK(error_of([&] {
          Store st(newer.string());
          ingest_file(st, later);
        }).find("newer than this claimtrail") != std::string::npos);
  CHECK(slurp(newer) == before);
  // A read-only store.
  const fs::path ro = store_file(tmp.path() / "ro.db", {a});
  ::chmod(ro.c_str(), 0444);
  if (::access(ro.c_str(), W_OK) != 0) {  // (root can write anyway)
    const std::string ro_before = slurp(ro);
    CHECK(error_of([&] {
            Store st(ro.string());
            ingest_file(st, later);
          }).find("read-only") != std::string::npos);
    CHECK(slurp(ro) == ro_before);
    Store reader(ro.string(), Store::Access::read_only);  // reading still works
    CHECK_FALSE(store::find_claims(reader, {}).empty());
  }
  // A missing store for a reader.
  CHECK(error_of([&] {
          Store st((tmp.path() / "missing.db").string(), Store::Access::read_only);
        }).find("no such store") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path() / "missing.db"));
  // A corrupt store: refused when opened, or when read, in words.
  const fs::path bad = tmp.path() / "bad.db";
  claimtrail::testutil::make_corrupt_store(bad, a);
  try {
    Store st(bad.string(), Store::Access::read_only);
    (void)store::find_claims(st, {});
    FAIL("a corrupt store was read");
  } catch (const store::StoreError& e) {
    CHECK(std::string(e.what()).find(bad.string()) == 0);
  } catch (const std::exception& e) {
    CHECK(store::describe_store_failure(e).has_value());
  }
}

TEST_CASE("two processes ingesting into one store at once both succeed") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  std::vector<fs::path> files;
  for (int i = 0; i < 40; ++i)
    files.push_back(write_file(tmp.path() / ("a" + std::to_string(i) + ".txt"),
                               "Headline " + std::to_string(i) + "\n\nThe minister said on Friday that " +
                                   std::to_string(i) + " schools would close, officials said.\n"));
  (void)extractor();  // built once, before the fork
  // Each process opens the store itself and ingests every other file.
  auto spawn = [&](int half) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      int code = 0;
      try {
        Store st(db.string());
        for (std::size_t i = static_cast<std::size_t>(half); i < files.size(); i += 2) ingest_file(st, files[i]);
      } catch (const std::exception& e) {
        std::cerr << "process " << half << ": " << e.what() << '\n';
        code = 1;
      }
      std::_Exit(code);
    }
    return pid;
  };
  const pid_t p1 = spawn(0), p2 = spawn(1);
  REQUIRE(p1 > 0);
  REQUIRE(p2 > 0);
  int s1 = 0, s2 = 0;
  ::waitpid(p1, &s1, 0);
  ::waitpid(p2, &s2, 0);
  CHECK((WIFEXITED(s1) && WEXITSTATUS(s1) == 0));
  CHECK((WIFEXITED(s2) && WEXITSTATUS(s2) == 0));
  Store st(db.string(), Store::Access::read_only);
  CHECK(store::article_ids(st).size() == 40);
}
