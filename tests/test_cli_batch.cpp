// Batches for extract and ingest: JSON lines (bad lines reported with their
// number and skipped, the rest processed), directories, standard input, and
// records over --max-record rejected unread.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "testutil.hpp"

using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("JSON lines: good records processed, bad ones named by line and skipped") {
  TempDir tmp;
  const fs::path f = tmp.path() / "batch.jsonl";
  std::ofstream(f)
      << R"({"id":"a1","outlet":"Harbor Post","published":"2025-03-04","text":"Port\n\nThe mayor said the bridge would reopen in May."})"
      << "\n"
      << R"({"id":"a2","text":5})"
      << "\n"
      << "not json at all\n"
      << "\n"
      << R"({"id":"a3","txt":"typo"})"
      << "\n"
      << R"(["an","array"])"
      << "\n"
      << R"({"id":"a4","text":"Officials said the port would close."})"
      << "\n";
  std::string out, err;
  CHECK(run_cli("extract --format jsonl " + q(f), &out, &err) == 1);
  std::vector<std::string> docs;
  for (std::size_t p = 0, e; (e = out.find('\n', p)) != std::string::npos; p = e + 1)
    docs.push_back(json::parse(out.substr(p, e - p))["doc"]);
  CHECK(docs == std::vector<std::string>{"a1", "a4"});
  CHECK(err.find(":2: field \"text\" must be a string, not number") != std::string::npos);
  CHECK(err.find(":3: not a JSON object") != std::string::npos);
  CHECK(err.find(":5: unknown field \"txt\"") != std::string::npos);
  CHECK(err.find(":6: not a JSON object") != std::string::npos);
  CHECK(err.find(":4:") == std::string::npos);  // a blank line is no record
  // ingest takes the metadata from the record.
  const fs::path db = tmp.path() / "t.db";
  CHECK(run_cli("ingest --db " + q(db) + " " + q(f), &out, &err) == 1);
  REQUIRE(run_cli("claims --format json --db " + q(db), &out, &err) == 0);
  const json c = json::parse(out);
  REQUIRE(c.size() == 2);
  CHECK(c[0]["article"]["doc"] == "a1");
  CHECK(c[0]["article"]["outlet"] == "Harbor Post");
  CHECK(c[0]["article"]["published"] == "2025-03-04");
}

TEST_CASE("a record over --max-record is rejected unread, with its line number") {
  TempDir tmp;
  const fs::path f = tmp.path() / "big.jsonl";
  {
    std::ofstream o(f, std::ios::binary);
    o << R"({"id":"small","text":"Officials said the port would close."})"
      << "\n";
    o << R"({"id":"huge","text":")" << std::string(100u << 20, 'a') << "\"}\n";  // 100 MB
    o << R"({"id":"after","text":"The minister said talks had ended."})"
      << "\n";
  }
  std::string out, err;
  CHECK(run_cli("extract --format jsonl " + q(f), &out, &err) == 1);
  CHECK(err.find(":2: record of") != std::string::npos);
  CHECK(err.find("--max-record") != std::string::npos);
  CHECK(out.find("\"doc\":\"small\"") != std::string::npos);
  CHECK(out.find("\"doc\":\"after\"") != std::string::npos);
  CHECK(run_cli("extract --format jsonl --max-record 30 " + q(f), &out, &err) == 1);
  CHECK(out.empty());
}

TEST_CASE("directories are walked, standard input can be JSON lines") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "in" / "sub");
  std::ofstream(tmp.path() / "in" / "b.txt") << "H\n\nThe mayor said the bridge would reopen.\n";
  std::ofstream(tmp.path() / "in" / "sub" / "c.jsonl") << R"({"id":"c1","text":"Officials said the port would close."})"
                                                       << "\n";
  std::ofstream(tmp.path() / "in" / "notes.md") << "ignored\n";
  std::string out, err;
  REQUIRE(run_cli("extract --format jsonl " + q(tmp.path() / "in"), &out, &err) == 0);
  CHECK(out.find("\"doc\":\"b\"") != std::string::npos);
  CHECK(out.find("\"doc\":\"c1\"") != std::string::npos);
  CHECK(out.find("ignored") == std::string::npos);
  REQUIRE(run_cli("extract --format jsonl --input jsonl -", &out, &err,
                  R"({"id":"s1","text":"The minister said talks had ended."})"
                  "\n") == 0);
  CHECK(out.find("\"doc\":\"s1\"") != std::string::npos);
  CHECK(run_cli("extract " + q(tmp.path() / "empty-dir-missing"), &out, &err) == 1);
}
