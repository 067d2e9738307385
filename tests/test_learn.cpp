// The learned tagger: deterministic training, model files that round-trip,
// and the shipped model in use.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "app/train.hpp"
#include "learn/perceptron.hpp"
#include "learn/shipped_model.hpp"
#include "testutil.hpp"

TEST_CASE("training twice on the same slice gives the same model file, byte for byte") {
  CLAIMTRAIL_REQUIRE_SHARED(shared);
  claimtrail::app::TrainOptions o;
  o.limit = 25;
  o.epochs = 3;
  o.min_count = 1;
  const auto dir = shared / "corpora" / "polnear" / "train";
  const std::string a = claimtrail::app::train_tagger(dir, o).serialize();
  const std::string b = claimtrail::app::train_tagger(dir, o).serialize();
  CHECK(a.size() > 1000);
  CHECK(a == b);
  // A model file reads back to the same model.
  const auto m = claimtrail::learn::Model::parse(a);
  CHECK(m.serialize() == a);
  CHECK_THROWS(claimtrail::learn::Model::parse(a.substr(0, a.size() / 2)));
  CHECK_THROWS(claimtrail::learn::Model::parse("not a model"));
  CHECK_THROWS(claimtrail::app::train_tagger(shared / "corpora" / "polnear" / "test", o));  // never the test split
}

TEST_CASE("the shipped model is built in, and extract --mode both names it") {
  const auto m = claimtrail::learn::shipped_model();
  CHECK(m->features() > 1000);
  CHECK(m->version.find("train") != std::string::npos);
  std::string out;
  REQUIRE(claimtrail::testutil::run_cli("extract --mode both --format json " +
                                            claimtrail::testutil::q(claimtrail::testutil::source_dir() / "fixtures" /
                                                                    "articles" / "ap-helsinki-ferry-strike.txt"),
                                        &out) == 0);
  const auto j = nlohmann::json::parse(out);
  CHECK(j["tagger"] == m->version);
  CHECK(!j["attributions"].empty());
}

TEST_CASE("reextract keeps every verdict whose claim still exists, and the links and corrections") {
  using claimtrail::testutil::q;
  using claimtrail::testutil::run_cli;
  claimtrail::testutil::TempDir tmp;
  const auto db = tmp.path() / "t.db";
  const auto threads = claimtrail::testutil::source_dir() / "fixtures" / "threads" / "arvane-glide-recall";
  std::string out, err;
  REQUIRE(run_cli("ingest -q --db " + q(db) + " " + q(threads / "01-arvane-recall-plan.txt") + " " +
                      q(threads / "02-arvane-recall-announced.txt") + " " +
                      q(threads / "03-glide-sales-halt-repairs.txt"),
                  &out, &err) == 0);
  REQUIRE(run_cli("track --db " + q(db) + " 1", &out, &err) == 0);
  // Verdicts on several claims, a correction, the statuses as they are.
  for (int id : {1, 2, 3, 5, 8})
    REQUIRE(
        run_cli("verdict " + std::to_string(id) + " --status disputed --note n" + std::to_string(id) + " --db " + q(db),
                &out, &err) == 0);
  REQUIRE(run_cli("claim fix 3 --category named_person --db " + q(db), &out, &err) == 0);
  auto snapshot = [&] {
    REQUIRE(run_cli("claims --format json --db " + q(db), &out, &err) == 0);
    std::map<std::string, std::tuple<std::string, std::string, std::string>> m;  // text -> verdict, status, category
    for (const auto& c : nlohmann::json::parse(out))
      m[c["text"]] = {c["verdict"].is_null() ? "" : c["verdict"]["note"].get<std::string>(), c["status"],
                      c["source"].is_null() ? "" : c["source"]["category"].get<std::string>()};
    return m;
  };
  const auto before = snapshot();
  std::string listed;
  for (const char* mode : {"rules", "both"}) {
    CAPTURE(mode);
    const int code = run_cli(std::string("reextract --mode ") + mode + " --db " + q(db), &out, &err);
    CHECK((code == 0 || code == 1));
    const std::string report = out;
    const auto after = snapshot();
    out = report;
    for (const auto& [text, v] : before) {
      const std::string& note = std::get<0>(v);
      if (!note.empty()) {
        // Each verdict is on a new claim, or its claim is listed as not carried.
        REQUIRE(run_cli("claims --verdict disputed --format json --db " + q(db), &listed, &err) == 0);
        const bool kept = listed.find("\"note\": \"" + note + "\"") != std::string::npos;
        CHECK((kept || out.find("not carried") != std::string::npos));
      }
      if (std::string(mode) == "rules") {  // the same parser: the same claims, verdicts and statuses
        auto it = after.find(text);
        REQUIRE(it != after.end());
        CHECK(std::get<0>(it->second) == note);
        CHECK(std::get<1>(it->second) == std::get<1>(v));
      }
    }
    // The correction of claim 3 holds.
    for (const auto& [text, v] : after)
      if (std::get<0>(v) == "n3") CHECK(std::get<2>(v) == "named_person");
    // The store stays whole: the search index holds each claim once, so
    // tracking and searching work after a reextraction.
    CHECK(run_cli("track --db " + q(db) + " 1", &out, &err) == 0);
    CHECK(err.find("corrupt") == std::string::npos);
    CHECK(run_cli("claims --search recall --format json --db " + q(db), &out, &err) == 0);
  }
}

TEST_CASE("reextract twice over a store of many articles leaves its search index whole (track and search work)") {
  // Found while moving the store's SQL (#12): the index took the article's
  // old claims a second time on every reextraction, and track then failed
  // with "the store is corrupt".
  using claimtrail::testutil::q;
  using claimtrail::testutil::run_cli;
  claimtrail::testutil::TempDir tmp;
  const auto db = " --db " + q(tmp.path() / "t.db");
  const auto fixtures = claimtrail::testutil::source_dir() / "fixtures";
  // The story threads and a dozen articles (fewer did not show it).
  std::vector<std::filesystem::path> paths;
  for (const auto& thread : std::filesystem::directory_iterator(fixtures / "threads"))
    if (thread.is_directory())
      for (const auto& f : std::filesystem::directory_iterator(thread.path()))
        if (f.path().extension() == ".txt") paths.push_back(f.path());
  std::vector<std::filesystem::path> articles;
  for (const auto& f : std::filesystem::directory_iterator(fixtures / "articles")) articles.push_back(f.path());
  std::sort(articles.begin(), articles.end());
  articles.resize(std::min<std::size_t>(articles.size(), 12));
  paths.insert(paths.end(), articles.begin(), articles.end());
  std::string files, out, err;
  for (const auto& p : paths) files += " " + q(p);
  REQUIRE(run_cli("ingest -q" + db + files, &out, &err) == 0);
  REQUIRE(run_cli("verdict 2 --status refuted --note x" + db, &out, &err) == 0);
  REQUIRE(run_cli("claim fix 8 --reject" + db, &out, &err) == 0);
  for (const char* mode : {"rules", "both"}) {
    CAPTURE(mode);
    const int code = run_cli(std::string("reextract --mode ") + mode + db, &out, &err);
    CHECK((code == 0 || code == 1));
    for (int article = 1; article <= static_cast<int>(paths.size()); ++article) {
      CHECK(run_cli("track " + std::to_string(article) + db, &out, &err) == 0);
      CHECK(err.find("corrupt") == std::string::npos);
    }
    CHECK(run_cli("claims --search recall" + db, &out, &err) == 0);
  }
}

TEST_CASE("reextract after a fact-checker merged one article's unnamed source into another's") {
  // Found while moving the store's SQL (#12): the merge target of a later
  // article was deleted with its article's old sources, and the foreign key
  // from the merged source failed the whole reextraction (exit 3).
  using claimtrail::testutil::q;
  using claimtrail::testutil::run_cli;
  claimtrail::testutil::TempDir tmp;
  const auto db = " --db " + q(tmp.path() / "t.db");
  const auto articles = claimtrail::testutil::source_dir() / "fixtures" / "articles";
  std::string out, err;
  REQUIRE(run_cli("ingest -q" + db + " " + q(articles / "reuters-steel-quota-anonymous.txt") + " " +
                      q(articles / "politics-budget-leak-anonymous.txt"),
                  &out, &err) == 0);
  // The first unnamed person of each article.
  REQUIRE(run_cli("sources --format json" + db, &out, &err) == 0);
  std::map<std::int64_t, std::int64_t> first_of_article;  // article -> source
  REQUIRE(run_cli("claims --format json" + db, &out, &err) == 0);
  for (const auto& c : nlohmann::json::parse(out))
    if (!c["source"].is_null() && c["source"]["category"] == "unnamed_person" && !c["source"]["id"].is_null())
      first_of_article.try_emplace(c["article"]["id"].get<std::int64_t>(), c["source"]["id"].get<std::int64_t>());
  REQUIRE(first_of_article.size() == 2);
  const auto first = first_of_article.begin()->second, second = first_of_article.rbegin()->second;
  // The first article's source folded into the second's.
  REQUIRE(run_cli("source merge " + std::to_string(second) + " " + std::to_string(first) + db, &out, &err) == 0);
  CHECK(run_cli("reextract" + db, &out, &err) == 0);
  CHECK(err.find("FOREIGN KEY") == std::string::npos);
  CHECK(run_cli("sources --format json" + db, &out, &err) == 0);
}
