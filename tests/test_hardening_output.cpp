// Issue 11 (hardening), what leaves claimtrail: export file names never
// escape the export folder, argv and metadata are checked as UTF-8 at the
// boundary, stored text that is not UTF-8 renders (never aborts), dates are
// cut only when they are ISO dates, and text output never carries terminal
// control characters. The brat export is tested through the library; the rest
// runs the binary, because what it tests is the command line's own: argv,
// the warning and the one-line errors on standard error, exit codes, and the
// bytes each command prints (stores are made through the library).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "eval/brat.hpp"
#include "report/export.hpp"
#include "store/queries.hpp"
#include "testutil.hpp"
#include "util/file_name.hpp"
#include "util/printable.hpp"
#include "util/utf8.hpp"

using claimtrail::store::Store;
using claimtrail::testutil::ingest_file;
using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* kStory =
    "Port to close\n\nThe port will close next month, two officials said. \"We have no choice,\" "
    "Mayor Ana Ruiz said on Tuesday.\n";

bool valid_utf8(const std::string& s) { return !claimtrail::util::find_invalid_utf8(s); }

// Every file and folder under `root`, relative to it.
std::set<std::string> tree(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) out.insert(fs::relative(e.path(), root).string());
  return out;
}

}  // namespace

TEST_CASE("export file names: one safe, readable, bounded name per id") {
  using claimtrail::util::safe_file_stem;
  // Already safe: kept, so PolNeAR documents round-trip.
  CHECK(safe_file_stem("breitbart_2016-09-12_stealth-over-health-hillary-clin") ==
        "breitbart_2016-09-12_stealth-over-health-hillary-clin");
  CHECK(safe_file_stem("reuters-2024.09.06") == "reuters-2024.09.06");
  for (const std::string& id :
       {std::string("../../../victim"), std::string("/etc/passwd"), std::string("a/b/c"), std::string("n\0u", 3),
        std::string(".."), std::string("."), std::string(".hidden"), std::string("a\\b"), std::string("x\x1b[31my"),
        std::string(""), std::string(300, 'z'), std::string("\xc3\xa9t\xc3\xa9") + std::string(200, '\xc3')}) {
    INFO(id);
    const std::string s = safe_file_stem(id);
    CHECK(!s.empty());
    CHECK(s != id);
    CHECK(s.find('/') == std::string::npos);
    CHECK(s.find('\\') == std::string::npos);
    CHECK(s[0] != '.');
    CHECK(s.size() + std::string("_claimtrail.ann").size() <= 200);
    CHECK(valid_utf8(s));
    for (unsigned char c : s) CHECK((c >= 0x20 && c != 0x7f));
    CHECK(safe_file_stem(id) == s);  // stable
  }
  CHECK(safe_file_stem("a/b") != safe_file_stem("a_b"));  // a changed id never takes a kept one's name
  CHECK(safe_file_stem("a/b") != safe_file_stem("a\\b"));
  CHECK(safe_file_stem("\xc3\xa9t\xc3\xa9 report").find("\xc3\xa9t\xc3\xa9") == 0);  // readable
}

TEST_CASE("brat export: ids never leave DIR, every article gets its own files, the count is what was written") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const fs::path deep = tmp.path() / "a" / "b";
  fs::create_directories(deep);
  const fs::path dir = deep / "out";
  const std::string absolute = (tmp.path() / "abs").string();
  const std::vector<std::string> ids = {"../../../victim",     absolute,        "a/b/c", "dup", "dup",
                                        std::string(300, 'x'), "plain-name_1.0"};
  {
    std::ofstream f(tmp.path() / "in.jsonl");
    for (std::size_t i = 0; i < ids.size(); ++i)
      f << json{{"id", ids[i]}, {"text", std::string(kStory) + "Story " + std::to_string(i) + ".\n"}}.dump() << "\n";
  }
  {
    Store st(db.string());
    ingest_file(st, tmp.path() / "in.jsonl");
    // A NUL in an id can no longer be ingested; a store from before may hold one.
    std::ofstream(tmp.path() / "n.txt") << kStory << "The NUL one.\n";
    claimtrail::article::Metadata nul;
    nul.id = "nul";
    ingest_file(st, tmp.path() / "n.txt", nul);
  }
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
    SQLite::Statement u(d, "UPDATE articles SET doc = ? WHERE doc = 'nul'");
    u.bind(1, std::string("n\0u", 3).data(), 3);
    REQUIRE(u.exec() == 1);
  }
  // (The store's own files, t.db-wal and t.db-shm, may come and go.)
  auto outside = [&] {
    std::set<std::string> t = tree(tmp.path());
    for (auto it = t.begin(); it != t.end();)
      it = it->rfind("t.db", 0) == 0 || it->rfind("a/b/out", 0) == 0 ? t.erase(it) : std::next(it);
    return t;
  };
  const std::set<std::string> before = outside();
  Store st(db.string(), Store::Access::read_only);
  CHECK(claimtrail::report::export_brat(st, dir, std::nullopt) == 8);
  // Nothing outside DIR changed.
  CHECK(outside() == before);
  CHECK(!fs::exists(tmp.path() / "victim.txt"));
  CHECK(!fs::exists(tmp.path() / "a" / "victim.txt"));
  CHECK(!fs::exists(tmp.path() / "abs.txt"));
  // Two folders of plain files, one of each per article.
  std::set<std::string> texts, anns;
  for (const auto& e : fs::directory_iterator(dir))
    CHECK((e.path().filename() == "text" || e.path().filename() == "attributions"));
  for (const auto& e : fs::directory_iterator(dir / "text")) {
    CHECK(e.is_regular_file());
    texts.insert(e.path().filename().string());
  }
  for (const auto& e : fs::directory_iterator(dir / "attributions")) {
    CHECK(e.is_regular_file());
    anns.insert(e.path().filename().string());
  }
  CHECK(texts.size() == 8);
  CHECK(anns.size() == 8);
  CHECK(texts.count("plain-name_1.0.txt") == 1);
  for (const auto& t : texts) {
    CHECK(t.size() <= 200);
    CHECK(anns.count(t.substr(0, t.size() - 4) + "_claimtrail.ann") == 1);
  }
  const auto split = claimtrail::eval::read_split(dir);
  CHECK(split.documents.size() == 8);
  CHECK(split.rejected.empty());

  // The same export twice gives the same names.
  const fs::path again = tmp.path() / "again";
  CHECK(claimtrail::report::export_brat(st, again, std::nullopt) == 8);
  CHECK(tree(again) == tree(dir));
}

TEST_CASE("brat export: a DIR that holds files is refused and left as it was") {
  TempDir tmp;
  Store st(":memory:");
  std::ofstream(tmp.path() / "s.txt") << kStory;
  ingest_file(st, tmp.path() / "s.txt");
  const fs::path dir = tmp.path() / "out";
  fs::create_directories(dir / "text");
  std::ofstream(dir / "text" / "s.txt") << "mine";
  try {
    claimtrail::report::export_brat(st, dir, std::nullopt);
    FAIL("a DIR holding files was written to");
  } catch (const claimtrail::core::Error& e) {
    CHECK(std::string(e.what()).find(dir.string()) != std::string::npos);
  }
  CHECK(tree(dir) == std::set<std::string>{"text", "text/s.txt"});
  CHECK(claimtrail::testutil::slurp(dir / "text" / "s.txt") == "mine");
  // An empty DIR is fine; no temporary folder is left beside it.
  const fs::path empty = tmp.path() / "empty";
  fs::create_directory(empty);
  CHECK(claimtrail::report::export_brat(st, empty, std::nullopt) == 1);
  CHECK(fs::exists(empty / "text" / "s.txt"));
  const std::set<std::string> all = tree(tmp.path());
  CHECK(all == std::set<std::string>{"s.txt", "out", "out/text", "out/text/s.txt", "empty", "empty/text",
                                     "empty/text/s.txt", "empty/attributions", "empty/attributions/s_claimtrail.ann"});
}

TEST_CASE("command-line strings that are not UTF-8 are usage errors naming the option") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  std::ofstream(tmp.path() / "s.txt") << kStory;
  const std::string bad = "\"$(printf '\\303')\"";
  std::string out, err;
  for (const char* opt : {"--id", "--outlet", "--headline", "--url"}) {
    INFO(opt);
    CHECK(run_cli("ingest --db " + q(db) + " " + opt + " " + bad + " " + q(tmp.path() / "s.txt"), &out, &err) == 2);
    CHECK(err == std::string("claimtrail: error: ingest: ") + opt + " is not valid UTF-8 (byte 0)\n");
  }
  CHECK(!fs::exists(db));
  claimtrail::testutil::store_file(db, {tmp.path() / "s.txt"});
  CHECK(run_cli("verdict 1 --status refuted --note " + bad + " --db " + q(db), &out, &err) == 2);
  CHECK(err.find("--note is not valid UTF-8") != std::string::npos);
  CHECK(run_cli("claim fix 1 --source " + bad + " --db " + q(db), &out, &err) == 2);
  CHECK(err.find("--source is not valid UTF-8") != std::string::npos);
  CHECK(run_cli("report --outlet " + bad + " --format json --db " + q(db), &out, &err) == 2);
  CHECK(err.find("--outlet is not valid UTF-8") != std::string::npos);
  CHECK(run_cli("report \"$(printf 'ab\\377')\" --db " + q(db), &out, &err) == 2);
  CHECK(err.find("is not valid UTF-8 (byte 2)") != std::string::npos);
  CHECK(valid_utf8(err));
}

TEST_CASE("stored text that is not UTF-8 (an older store) renders with replacement characters") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  std::ofstream(tmp.path() / "s.txt") << "---\noutlet: Harbor Post\npublished: 2025-01-10\n---\n" << kStory;
  std::ofstream(tmp.path() / "l.txt") << "---\noutlet: Harbor Post\npublished: 2025-02-10\n---\nLater\n\n"
                                      << "The port will close next month, Mayor Ana Ruiz said.\n";
  {
    Store st(db.string());
    ingest_file(st, tmp.path() / "s.txt");
    ingest_file(st, tmp.path() / "l.txt");
    claimtrail::store::add_verdict(st, 1, "disputed", "ok", "");
  }
  std::string out, err;
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
    d.exec("UPDATE articles SET doc = doc || X'C3', outlet = 'Harbor Post' || X'FF', headline = X'E282'");
    d.exec("UPDATE claims SET text = text || X'C3', source_text = source_text || X'80'");
    d.exec("UPDATE sources SET name = name || X'C3'");
    d.exec("UPDATE verdicts SET note = X'F0'");
  }
  const std::string w =
      "claimtrail: warning: " + db.string() + ": stored text is not valid UTF-8; shown with replacement characters\n";
  for (const std::string cmd :
       {"claims --format json", "report 1 --format json", "claim show 1 --format json", "track 1 --format json",
        "report --outlet 'Harbor Post' --format json", "report --thread 1 --format json", "sources --format json",
        "report --source Ruiz --format json", "export --claimreview --org X"}) {
    INFO(cmd);
    CHECK(run_cli(cmd + " --db " + q(db), &out, &err) == 0);
    CHECK(valid_utf8(out));
    CHECK(json::accept(out));
    if (cmd != "report --outlet 'Harbor Post' --format json") {
      CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
      CHECK(err == w);
    }
  }
  for (const std::string cmd : {"claims", "report 1", "claim show 1", "track 1", "report --thread 1", "sources",
                                "report 1 --format markdown", "report 1 --format html", "report 1 --format csv"}) {
    INFO(cmd);
    CHECK(run_cli(cmd + " --db " + q(db), &out, &err) == 0);
    CHECK(valid_utf8(out));
    CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(err == w);
  }
}

TEST_CASE("JSON Lines ids with a NUL or a control character, and page metadata with a NUL, reject that input") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  {
    std::ofstream f(tmp.path() / "in.jsonl");
    f << json{{"id", std::string("n\0u", 3)}, {"text", kStory}}.dump() << "\n";
    f << json{{"id", "ok"}, {"text", std::string(kStory) + "Two.\n"}}.dump() << "\n";
    f << json{{"id", "e\x1b[2Jx"}, {"text", std::string(kStory) + "Three.\n"}}.dump() << "\n";
    f << json{{"id", "h"}, {"headline", std::string("a\0b", 3)}, {"text", std::string(kStory) + "Four.\n"}}.dump()
      << "\n";
  }
  std::ofstream(tmp.path() / "fm.txt") << "---\nid: a\x1b]0;x\x07\n---\n" << kStory << "Five.\n";
  std::ofstream(tmp.path() / "p.html")
      << "<!doctype html><html><head><script type=\"application/ld+json\">"
         "{\"@type\":\"NewsArticle\",\"headline\":\"Port\\u0000 to close\"}</script></head><body><article><p>"
      << "The port will close next month, two officials said.</p></article></body></html>\n";
  std::string out, err;
  CHECK(run_cli("ingest -q --db " + q(db) + " " + q(tmp.path() / "in.jsonl") + " " + q(tmp.path() / "fm.txt") + " " +
                    q(tmp.path() / "p.html"),
                &out, &err) == 1);
  INFO(err);
  const std::string f = (tmp.path() / "in.jsonl").string();
  CHECK(err.find(f + ":1: ") != std::string::npos);
  CHECK(err.find(f + ":2: ") == std::string::npos);
  CHECK(err.find(f + ":3: ") != std::string::npos);
  CHECK(err.find(f + ":4: ") != std::string::npos);
  CHECK(err.find((tmp.path() / "fm.txt").string() + ": ") != std::string::npos);
  CHECK(err.find((tmp.path() / "p.html").string() + ": ") != std::string::npos);
  CHECK(err.find('\x1b') == std::string::npos);
  CHECK(err.find('\x07') == std::string::npos);
  REQUIRE(run_cli("claims --format json --db " + q(db), &out, &err) == 0);
  std::set<std::string> docs;
  for (const auto& c : json::parse(out)) docs.insert(c["article"]["doc"].get<std::string>());
  CHECK(docs == std::set<std::string>{"ok"});
}

TEST_CASE("a page's published date is taken only when it is an ISO date; errors never print broken bytes") {
  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  // "2024-09-2" then a two-byte character: cut at byte 10 it splits the character.
  std::ofstream(tmp.path() / "p.html")
      << "<!doctype html><html><head><meta property=\"article:published_time\" content=\"2024-09-2\xc3\xa9\">"
         "<title>Port to close</title></head><body><article><p>"
      << "The port will close next month, two officials said.</p></article></body></html>\n";
  std::string out, err;
  CHECK(run_cli("ingest --db " + q(db) + " " + q(tmp.path() / "p.html"), &out, &err) == 0);
  CHECK(valid_utf8(err));
  REQUIRE(run_cli("claims --format json --db " + q(db), &out, &err) == 0);
  const json claims = json::parse(out);
  REQUIRE(!claims.empty());
  CHECK(claims[0]["article"]["published"] == "");
  // A quoted input in an error message: never invalid UTF-8, never a control character.
  std::ofstream(tmp.path() / "d.txt") << "---\npublished: \x1b[2J\xc3\xa9t\xc3\xa9\n---\n" << kStory;
  CHECK(run_cli("ingest --db " + q(db) + " " + q(tmp.path() / "d.txt"), &out, &err) == 1);
  CHECK(err.find("unreadable publication date") != std::string::npos);
  CHECK(err.find('\x1b') == std::string::npos);
  CHECK(valid_utf8(err));
}

TEST_CASE("text output escapes terminal control characters from articles") {
  using claimtrail::util::printable;
  CHECK(printable("a\x1b[31mb\x7f\tc\nd") == "a\\x1b[31mb\\x7f\tc\nd");
  CHECK(printable("\xc2\x9b"
                  "x") == "\\u009bx");  // C1 CSI
  CHECK(printable("caf\xc3\xa9 \xe2\x80\x94") == "caf\xc3\xa9 \xe2\x80\x94");
  CHECK(printable("a\xc3") == "a\xEF\xBF\xBD");
  CHECK(printable("\r") == "\\x0d");

  TempDir tmp;
  const fs::path db = tmp.path() / "t.db";
  const fs::path a = tmp.path() / "esc.txt";
  std::ofstream(a) << "Port \x1b]0;owned\x07 to close\n\n\"We have no choice \x1b[31mnow\x1b[0m,\" Mayor Ana Ruiz "
                      "said on Tuesday. The port will close, two officials \xc2\x9b"
                      "said.\n";
  std::string out, err;
  REQUIRE(run_cli("extract " + q(a), &out, &err) == 0);
  CHECK(out.find("Mayor Ana Ruiz") != std::string::npos);
  CHECK(out.find("\\x1b[31m") != std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
  CHECK(out.find("\xc2\x9b") == std::string::npos);
  claimtrail::testutil::store_file(db, {a});
  REQUIRE(run_cli("verdict 1 --status disputed --note \"$(printf 'see \\033[2J')\" --db " + q(db), &out, &err) == 0);
  for (const std::string cmd :
       {"report 1", "report 1 --format markdown", "report 1 --format html", "report 1 --format csv", "claims",
        "claim show 1", "track 1", "sources", "report --thread 1", "report --source Ruiz", "report --outlet x"}) {
    INFO(cmd);
    REQUIRE(run_cli(cmd + " --db " + q(db), &out, &err) == 0);
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out.find("\xc2\x9b") == std::string::npos);
  }
  REQUIRE(run_cli("report 1 --db " + q(db), &out, &err) == 0);
  CHECK(out.find("\\x1b[31m") != std::string::npos);
}
