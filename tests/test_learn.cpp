// The learned tagger: deterministic training, model files that round-trip,
// the shipped model in use, and reextraction (app::reextract) bringing a
// store's claims up to a parser, in stores in memory. That extract --mode
// both names the model in its output: test_cli_extract.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <vector>

#include "app/reextract.hpp"
#include "app/train.hpp"
#include "core/version.hpp"
#include "extract/extractor.hpp"
#include "learn/perceptron.hpp"
#include "learn/shipped_model.hpp"
#include "store/queries.hpp"
#include "testutil.hpp"
#include "track/track.hpp"

namespace fs = std::filesystem;
namespace store = claimtrail::store;
using claimtrail::store::Store;
using claimtrail::testutil::ingest_file;

namespace {

// The extractor and parser name of `claimtrail reextract --mode MODE`.
struct Reextractor {
  explicit Reextractor(const std::string& mode)
      : both(mode == "both"),
        ex(both ? claimtrail::learn::shipped_model() : nullptr,
           both ? claimtrail::extract::Mode::both : claimtrail::extract::Mode::rules),
        parser(std::string("claimtrail ") + claimtrail::core::kVersion +
               (both ? " + " + claimtrail::learn::shipped_model()->version : std::string())) {}
  claimtrail::app::ReextractResult run(Store& st) const {
    return claimtrail::app::reextract(st, ex, std::nullopt, parser);
  }
  bool both;
  claimtrail::extract::Extractor ex;
  std::string parser;
};

store::ClaimFilter search_for(const std::string& words) {
  store::ClaimFilter f;
  f.search = words;
  return f;
}

}  // namespace

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

TEST_CASE("the shipped model is built in, and the extractor uses it with the rules") {
  const auto m = claimtrail::learn::shipped_model();
  CHECK(m->features() > 1000);
  CHECK(m->version.find("train") != std::string::npos);
  const claimtrail::extract::Extractor both(m, claimtrail::extract::Mode::both);
  CHECK(both.mode() == claimtrail::extract::Mode::both);
  const std::string text = claimtrail::testutil::slurp(claimtrail::testutil::source_dir() / "fixtures" / "articles" /
                                                       "ap-helsinki-ferry-strike.txt");
  CHECK(!both.analyse(text).attributions.empty());
}

TEST_CASE("reextract keeps every verdict whose claim still exists, and the links and corrections") {
  Store st(":memory:");
  const auto threads = claimtrail::testutil::source_dir() / "fixtures" / "threads" / "arvane-glide-recall";
  for (const char* f :
       {"01-arvane-recall-plan.txt", "02-arvane-recall-announced.txt", "03-glide-sales-halt-repairs.txt"})
    ingest_file(st, threads / f);
  claimtrail::track::track(st, 1);
  // Verdicts on several claims, a correction, the statuses as they are.
  for (int id : {1, 2, 3, 5, 8}) store::add_verdict(st, id, "disputed", "n" + std::to_string(id), "");
  store::ClaimFix named;
  named.category = "named_person";
  store::fix_claim(st, 3, named);
  auto snapshot = [&] {
    std::map<std::string, std::tuple<std::string, std::string, std::string>> m;  // text -> verdict, status, category
    for (const auto& c : store::find_claims(st, {}))
      m[c.text] = {c.verdict.empty() ? "" : c.verdict_note, c.status, c.kind == "unattributed" ? "" : c.category};
    return m;
  };
  const auto before = snapshot();
  for (const char* mode : {"rules", "both"}) {
    CAPTURE(mode);
    const auto r = Reextractor(mode).run(st);
    CHECK(r.articles == 3);
    const auto after = snapshot();
    store::ClaimFilter disputed;
    disputed.verdict = "disputed";
    const auto listed = store::find_claims(st, disputed);
    for (const auto& [text, v] : before) {
      const std::string& note = std::get<0>(v);
      if (!note.empty()) {
        // Each verdict is on a new claim, or its claim is listed as not carried.
        const bool kept =
            std::any_of(listed.begin(), listed.end(), [&](const auto& c) { return c.verdict_note == note; });
        CHECK((kept || !r.not_carried.empty()));
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
    CHECK_NOTHROW(claimtrail::track::track(st, 1));
    CHECK_NOTHROW(store::find_claims(st, search_for("recall")));
  }
}

TEST_CASE("reextract twice over a store of many articles leaves its search index whole (track and search work)") {
  // Found while moving the store's SQL (#12): the index took the article's
  // old claims a second time on every reextraction, and track then failed
  // with "the store is corrupt".
  const auto fixtures = claimtrail::testutil::source_dir() / "fixtures";
  // The story threads and a dozen articles (fewer did not show it).
  std::vector<fs::path> paths;
  for (const auto& thread : fs::directory_iterator(fixtures / "threads"))
    if (thread.is_directory())
      for (const auto& f : fs::directory_iterator(thread.path()))
        if (f.path().extension() == ".txt") paths.push_back(f.path());
  std::vector<fs::path> articles;
  for (const auto& f : fs::directory_iterator(fixtures / "articles")) articles.push_back(f.path());
  std::sort(articles.begin(), articles.end());
  articles.resize(std::min<std::size_t>(articles.size(), 12));
  paths.insert(paths.end(), articles.begin(), articles.end());
  Store st(":memory:");
  for (const auto& p : paths) ingest_file(st, p);
  store::add_verdict(st, 2, "refuted", "x", "");
  store::ClaimFix reject;
  reject.reject = true;
  store::fix_claim(st, 8, reject);
  for (const char* mode : {"rules", "both"}) {
    CAPTURE(mode);
    CHECK(Reextractor(mode).run(st).articles == paths.size());
    for (std::int64_t article = 1; article <= static_cast<std::int64_t>(paths.size()); ++article) {
      CAPTURE(article);
      CHECK_NOTHROW(claimtrail::track::track(st, article));
    }
    CHECK_NOTHROW(store::find_claims(st, search_for("recall")));
  }
}

TEST_CASE("reextract after a fact-checker merged one article's unnamed source into another's") {
  // Found while moving the store's SQL (#12): the merge target of a later
  // article was deleted with its article's old sources, and the foreign key
  // from the merged source failed the whole reextraction (exit 3).
  const auto articles = claimtrail::testutil::source_dir() / "fixtures" / "articles";
  Store st(":memory:");
  ingest_file(st, articles / "reuters-steel-quota-anonymous.txt");
  ingest_file(st, articles / "politics-budget-leak-anonymous.txt");
  // The first unnamed person of each article.
  std::map<std::int64_t, std::int64_t> first_of_article;  // article -> source
  for (const auto& c : store::find_claims(st, {}))
    if (c.kind != "unattributed" && c.category == "unnamed_person" && c.source_id)
      first_of_article.try_emplace(c.article_id, *c.source_id);
  REQUIRE(first_of_article.size() == 2);
  const auto first = first_of_article.begin()->second, second = first_of_article.rbegin()->second;
  // The first article's source folded into the second's.
  store::merge_sources(st, second, first);
  const auto r = Reextractor("rules").run(st);
  CHECK(r.articles == 2);
  CHECK(r.not_carried.empty());
  CHECK_NOTHROW(store::find_sources(st, "", ""));
}
