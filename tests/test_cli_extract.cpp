// The extract command end to end: exit codes and one-line errors (SPEC
// section 5), output formats, and offsets that point at the text they claim.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "extract/extractor.hpp"
#include "learn/shipped_model.hpp"
#include "report/analysis_render.hpp"
#include "testutil.hpp"

using claimtrail::testutil::run_cli;
using claimtrail::testutil::TempDir;
using nlohmann::json;

namespace {
std::string write(const TempDir& d, const std::string& name, const std::string& body) {
  const auto p = d.path() / name;
  std::ofstream(p, std::ios::binary) << body;
  return p.string();
}
int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

TEST_SUITE("cli::extract") {
  TEST_CASE("bad inputs are rejected one line each while the others are processed") {
    TempDir d;
    const std::string good = write(d, "good.txt", "Officials said the bridge would reopen on Monday.\n");
    const std::string empty = write(d, "empty.txt", "");
    const std::string bad = write(d, "bad.txt", "Caf\xC3\xA9 owners said prices rose. \xFF\xFE broken\n");
    const std::string binary = write(d, "blob.txt", std::string("PK\x03\x04\0\0binary", 12));
    std::string out, err;
    // (A directory is walked for its articles: see test_cli_batch.cpp.)
    const int rc = run_cli("extract --format jsonl '" + good + "' '" + empty + "' '" + bad + "' '" + binary + "' '" +
                               (d.path() / "missing.txt").string() + "'",
                           &out, &err);
    CHECK(rc == 1);
    CHECK(lines(out) == 1);  // good only
    CHECK(lines(err) == 4);
    CHECK(err.find("empty.txt: empty: no article text") != std::string::npos);
    CHECK(err.find("bad.txt: invalid UTF-8 at byte 31") != std::string::npos);
    CHECK(err.find("blob.txt: binary data") != std::string::npos);
    CHECK(err.find("missing.txt: no such file") != std::string::npos);
    const auto first = json::parse(out.substr(0, out.find('\n')));
    CHECK(first["doc"] == "good");
    CHECK(first["attributions"].size() == 1);
  }

  TEST_CASE("the article object carries what the input says about the article, from every kind of input") {
    TempDir d;
    // A web page: its metadata reaches extract's output, not only the store.
    const auto page = claimtrail::testutil::source_dir() / "fixtures" / "html" / "jsonld-newsarticle.html";
    std::string out;
    REQUIRE(run_cli("extract --format json " + claimtrail::testutil::q(page), &out) == 0);
    const json a = json::parse(out)["article"];
    CHECK(a["byline"] == "Marisol Eddings");
    CHECK(a["outlet"] == "The Harbor Ledger");
    CHECK(a["published"] == "2024-05-14");
    CHECK(a["url"].get<std::string>().rfind("https://www.harborledger.example/", 0) == 0);
    // Front matter, under the aliases ingest accepts ("publisher", "date", "author").
    const std::string fm = write(d, "fm.txt",
                                 "---\npublisher: Example Wire\ndate: 2024-09-06\nauthor: Jo Park\n---\n"
                                 "Headline\n\nOfficials said the bridge would reopen on Monday.\n");
    REQUIRE(run_cli("extract --format jsonl " + fm, &out) == 0);
    const json b = json::parse(out)["article"];
    CHECK(b == json{{"byline", "Jo Park"}, {"outlet", "Example Wire"}, {"published", "2024-09-06"}, {"url", nullptr}});
    // A plain text says nothing about itself; a date that is no date is rejected as at ingest.
    const std::string plain = write(d, "plain.txt", "Officials said the bridge would reopen on Monday.\n");
    REQUIRE(run_cli("extract --format json " + plain, &out) == 0);
    CHECK(json::parse(out)["article"] ==
          json{{"byline", nullptr}, {"outlet", nullptr}, {"published", nullptr}, {"url", nullptr}});
    const std::string bad = write(d, "bad.txt", "---\npublished: someday\n---\nOfficials said so.\n");
    std::string err;
    CHECK(run_cli("extract --format json " + bad, &out, &err) == 1);
    CHECK(err.find("unreadable publication date") != std::string::npos);
  }

  TEST_CASE("usage errors exit 2") {
    std::string out, err;
    CHECK(run_cli("extract", &out, &err) == 2);
    CHECK(run_cli("extract --format xml x.txt", &out, &err) == 2);
    CHECK(run_cli("extrct x.txt", &out, &err) == 2);
    CHECK(err.find("did you mean 'extract'") != std::string::npos);
    CHECK(run_cli("extract --help", &out, &err) == 0);
    CHECK(out.find("--format") != std::string::npos);
  }

  TEST_CASE("the command list keeps every name apart from its summary") {
    std::string out, err;
    CHECK(run_cli("--help", &out, &err) == 0);
    for (const char* name : {"extract", "train-language", "eval-language", "reextract"})
      CHECK_MESSAGE(out.find(std::string("  ") + name + "  ") != std::string::npos, name);
  }

  TEST_CASE("stdin, --id and --emit-text") {
    std::string out, err;
    const std::string text = "\xEF\xBB\xBFThe mayor said the budget was balanced.\r\n";
    CHECK(run_cli("extract --format json --id city-1 -", &out, &err, text) == 0);
    const auto j = json::parse(out);
    CHECK(j["doc"] == "city-1");
    REQUIRE(j["attributions"].size() == 1);
    const auto& sp = j["attributions"][0]["source"]["spans"][0];
    CHECK(text.substr(sp[0].get<std::size_t>(), sp[1].get<std::size_t>() - sp[0].get<std::size_t>()) == "The mayor");
    CHECK(run_cli("extract --emit-text -", &out, &err, text) == 0);
    CHECK(out == text);
  }

  TEST_CASE("a 10 MB single line is processed") {
    TempDir d;
    std::string line;
    while (line.size() < 10u * 1024 * 1024) line += "The minister said that prices would fall, a spokesman added, ";
    const std::string p = write(d, "huge.txt", line + "\n");
    std::string out, err;
    CHECK(run_cli("extract --format jsonl '" + p + "'", &out, &err) == 0);
    CHECK(lines(out) == 1);
  }

  TEST_CASE("extract --mode both names the shipped model it used") {
    std::string out;
    REQUIRE(run_cli("extract --mode both --format json " +
                        claimtrail::testutil::q(claimtrail::testutil::source_dir() / "fixtures" / "articles" /
                                                "ap-helsinki-ferry-strike.txt"),
                    &out) == 0);
    const auto j = json::parse(out);
    CHECK(j["tagger"] == claimtrail::learn::shipped_model()->version);
    CHECK(!j["attributions"].empty());
  }
}

TEST_SUITE("extract::properties") {
  TEST_CASE("every span lies in the text and on UTF-8 boundaries, whatever the input") {
    const claimtrail::extract::Extractor ex;
    std::mt19937 rng(42);
    const std::vector<std::string> pieces = {"The minister",
                                             " said",
                                             " that",
                                             " \"We will act,\"",
                                             " she",
                                             " told reporters",
                                             ", according to",
                                             " officials",
                                             ". ",
                                             "\n",
                                             "\n\n",
                                             " \xE2\x80\x9C",
                                             "\xE2\x80\x9D",
                                             " ''",
                                             " U.S.",
                                             " Sept.",
                                             " Mr. Smith",
                                             ",",
                                             " did not respond to a request for comment",
                                             " on condition of anonymity because",
                                             " 2,500",
                                             " \xC2\xA0",
                                             " could",
                                             "(AP) \xE2\x80\x94 ",
                                             "BERLIN, May 2 (Wire) - ",
                                             " declined to comment",
                                             ":"};
    for (int round = 0; round < 300; ++round) {
      std::string text;
      const int n = static_cast<int>(rng() % 60);
      for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
      const auto a = ex.analyse(text);
      auto check = [&](const claimtrail::core::Span& s) {
        REQUIRE(s.start <= s.end);
        REQUIRE(s.end <= text.size());
        if (s.start < text.size()) CHECK((static_cast<unsigned char>(text[s.start]) & 0xC0) != 0x80);
        if (s.end < text.size()) CHECK((static_cast<unsigned char>(text[s.end]) & 0xC0) != 0x80);
      };
      for (const auto& at : a.attributions) {
        for (const auto& s : at.cue) check(s);
        for (const auto& s : at.content) check(s);
        if (at.source)
          for (const auto& s : at.source->spans) check(s);
        for (const auto& s : at.hedges) check(s);
        CHECK(at.parent < static_cast<int>(a.attributions.size()));
      }
      for (const auto& nr : a.non_responses) check(nr.span);
      for (const auto& u : a.unattributed) check(u);
      for (const auto& e : a.entities)
        for (const auto& m : e.mentions) check(m);
      // Rendering never throws on any of it.
      CHECK_NOTHROW(claimtrail::report::to_json(a, text, "x").dump());
    }
  }
}

TEST_CASE("extract --jobs: the same output, in input order, as one job") {
  namespace fs = std::filesystem;
  std::string files;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(claimtrail::testutil::source_dir() / "fixtures" / "articles"))
    paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (int round = 0; round < 4; ++round)
    for (const auto& p : paths) files += " " + claimtrail::testutil::q(p);
  files += " " + claimtrail::testutil::q("/nonexistent/article.txt");  // an error line too
  for (const char* format : {"jsonl", "json", "text"}) {
    std::string one, two, err1, err2;
    const int c1 =
        claimtrail::testutil::run_cli(std::string("extract --jobs 1 --format ") + format + files, &one, &err1);
    const int c2 =
        claimtrail::testutil::run_cli(std::string("extract --jobs 3 --format ") + format + files, &two, &err2);
    CHECK(c1 == 1);
    CHECK(c2 == 1);
    CHECK(one == two);
    CHECK(err1 == err2);
  }
}
