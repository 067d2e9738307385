// Guards the published PolNeAR dev figures (docs/polnear-dev-figures.json,
// quoted by the README): every figure there must hold within 0.02.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "eval/evaluate.hpp"
#include "extract/extractor.hpp"
#include "learn/shipped_model.hpp"
#include "testutil.hpp"

using nlohmann::json;

namespace {
// Walks `published` and checks every number against the same path in `got`.
void check_floor(const json& published, const json& got, const std::string& path) {
  for (auto it = published.begin(); it != published.end(); ++it) {
    const std::string p = path + "/" + it.key();
    if (it->is_object()) {
      REQUIRE_MESSAGE(got.contains(it.key()), p);
      check_floor(*it, got[it.key()], p);
    } else if (it->is_number()) {
      CAPTURE(p);
      REQUIRE(got.contains(it.key()));
      CHECK(got[it.key()].get<double>() >= it->get<double>() - 0.02);
      MESSAGE(p << ": " << got[it.key()].get<double>() << " (published " << it->get<double>() << ")");
    }
  }
}
}  // namespace

TEST_SUITE("eval::published") {
  TEST_CASE("dev figures do not drop more than 0.02 below the published ones, rules and both modes") {
    CLAIMTRAIL_REQUIRE_SHARED(shared);
    const auto root = claimtrail::testutil::source_dir();
    const json published = json::parse(claimtrail::testutil::slurp(root / "docs" / "polnear-dev-figures.json"));
    for (const char* mode : {"rules", "both"}) {
      CAPTURE(mode);
      REQUIRE(published.contains(mode));
      const claimtrail::extract::Extractor ex =
          std::string(mode) == "rules"
              ? claimtrail::extract::Extractor()
              : claimtrail::extract::Extractor(claimtrail::learn::shipped_model(), claimtrail::extract::Mode::both);
      const auto report = claimtrail::eval::evaluate_split(
          shared / "corpora" / "polnear" / "dev", [&](std::string_view t) { return ex.analyse(t); },
          root / "fixtures" / "polnear-dev-source-labels.tsv");
      const json got = claimtrail::eval::render_json(report);
      check_floor(published[mode], got, std::string("/") + mode);
    }
  }
}
