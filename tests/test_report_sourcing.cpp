// One sourcing profile everywhere (core::profile, SPEC section 3): the share
// of statements resting on anonymous sources counts only statements that
// have a source, in extract's summary, the article report and the outlet
// report alike. (The outlet report once divided by every statement.)
#include <doctest/doctest.h>

#include "core/categories.hpp"
#include "extract/extractor.hpp"
#include "report/analysis_render.hpp"
#include "report/render.hpp"
#include "report/report.hpp"
#include "store/store.hpp"

using namespace claimtrail;

TEST_CASE("sourcing: the anonymous share divides by statements with a source, in every report") {
  // Three body statements: an anonymous source, a named one, and an
  // report no one holds. Anonymous share: 1 of 2.
  const std::string text =
      "Bridge to close\n\nOfficials said the bridge would close in May. Mayor Jane Doe said the budget was sound. "
      "The council is said to favour the plan.\n";
  const extract::Extractor ex;
  const core::Analysis a = ex.analyse(text);
  const core::SourcingProfile p = core::profile(a);
  CHECK(p.statements == 3);
  CHECK(p.with_source == 2);
  CHECK(p.anonymous == 1);
  CHECK(p.anonymous_share() == doctest::Approx(0.5));
  CHECK(report::summary(a)["anonymous_share"].get<double>() == doctest::Approx(0.5));

  store::Store st(":memory:");
  store::ArticleInput in;
  in.doc = "bridge";
  in.text = text;
  in.outlet = "Example Wire";
  in.published = "2024-05-02";
  const auto id = st.ingest(in, a).article_id;
  const auto article = report::article_report(st, id);
  CHECK(article.statements == 3);
  CHECK(article.anonymous_share == doctest::Approx(0.5));
  const auto outlet = report::outlet_report(st, "Example Wire");
  CHECK(outlet.statements == 3);
  CHECK(outlet.with_source == 2);
  CHECK(outlet.anonymous == 1);
  REQUIRE(outlet.periods.size() == 1);
  CHECK(report::to_json(outlet)["periods"][0]["anonymous_share"].get<double>() == doctest::Approx(0.5));
}

TEST_CASE("categories: one table says what each category is") {
  using core::SourceCategory;
  CHECK(core::facts(SourceCategory::named_person).named);
  CHECK(core::facts(SourceCategory::named_organization).schema_type == "Organization");
  CHECK(core::facts(SourceCategory::unnamed_group).anonymous);
  CHECK_FALSE(core::facts(SourceCategory::document).anonymous);
  CHECK(core::facts(SourceCategory::document).on_record);
  CHECK_FALSE(core::facts(SourceCategory::unnamed_person).on_record);
  for (const auto& f : core::categories()) {
    CHECK(core::facts(f.name) == &f);
    CHECK(core::parse_category(f.name) == f.category);
    CHECK(f.anonymous == (f.category == SourceCategory::unnamed_person || f.category == SourceCategory::unnamed_group));
  }
  CHECK(core::facts("nobody") == nullptr);
}
