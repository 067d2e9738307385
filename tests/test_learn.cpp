// The learned tagger: deterministic training, model files that round-trip,
// and the shipped model in use.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "learn/perceptron.hpp"
#include "learn/shipped_model.hpp"
#include "learn/train.hpp"
#include "testutil.hpp"

TEST_CASE("training twice on the same slice gives the same model file, byte for byte") {
  CLAIMTRAIL_REQUIRE_SHARED(shared);
  claimtrail::learn::TrainOptions o;
  o.limit = 25;
  o.epochs = 3;
  o.min_count = 1;
  const auto dir = shared / "corpora" / "polnear" / "train";
  const std::string a = claimtrail::learn::train_tagger(dir, o).serialize();
  const std::string b = claimtrail::learn::train_tagger(dir, o).serialize();
  CHECK(a.size() > 1000);
  CHECK(a == b);
  // A model file reads back to the same model.
  const auto m = claimtrail::learn::Model::parse(a);
  CHECK(m.serialize() == a);
  CHECK_THROWS(claimtrail::learn::Model::parse(a.substr(0, a.size() / 2)));
  CHECK_THROWS(claimtrail::learn::Model::parse("not a model"));
  CHECK_THROWS(claimtrail::learn::train_tagger(shared / "corpora" / "polnear" / "test", o));  // never the test split
}

TEST_CASE("the shipped model is built in, and extract --mode both names it") {
  const auto m = claimtrail::learn::shipped_model();
  CHECK(m->features() > 1000);
  CHECK(m->version.find("train") != std::string::npos);
  std::string out;
  REQUIRE(claimtrail::testutil::run_cli(
              "extract --mode both --format json " +
                  claimtrail::testutil::q(claimtrail::testutil::source_dir() / "fixtures" / "articles" /
                                          "ap-helsinki-ferry-strike.txt"),
              &out) == 0);
  const auto j = nlohmann::json::parse(out);
  CHECK(j["tagger"] == m->version);
  CHECK(!j["attributions"].empty());
}
