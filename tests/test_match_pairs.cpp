// The paraphrase table (fixtures/matching/pairs.tsv), written by hand before
// the matcher: positives must match, hard negatives must not.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "match/compare.hpp"
#include "testutil.hpp"

TEST_CASE("paraphrase pairs and hard negatives: precision and recall of the matcher") {
  std::istringstream in(
      claimtrail::testutil::slurp(claimtrail::testutil::source_dir() / "fixtures" / "matching" / "pairs.tsv"));
  std::string line;
  int tp = 0, fp = 0, fn = 0, tn = 0;
  bool header = true;
  std::map<std::string, int> wrong_by_kind;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::istringstream ls(line);
    for (std::string x; std::getline(ls, x, '\t');) f.push_back(x);
    REQUIRE(f.size() == 4);
    const auto c = claimtrail::match::compare(claimtrail::match::analyse_statement(f[2]),
                                              claimtrail::match::analyse_statement(f[3]));
    const bool said_same = c.relation == claimtrail::match::Relation::same;
    const bool same = f[0] == "same";
    (said_same ? (same ? tp : fp) : (same ? fn : tn))++;
    if (said_same != same) {
      ++wrong_by_kind[f[1]];
      MESSAGE((same ? "missed: " : "false match: ") << f[2] << "  ||  " << f[3] << "  (" << c.why << ")");
    }
  }
  const double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  const double recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  MESSAGE("pairs: " << tp + fn << " same, " << tn + fp << " different; precision " << precision << ", recall "
                    << recall);
  CHECK(tp + fn >= 40);
  CHECK(tn + fp >= 40);
  CHECK(precision >= 0.8);
  CHECK(recall >= 0.8);
}

TEST_CASE("a changed number or date is an update, a negation a contradiction") {
  using namespace claimtrail::match;
  auto rel = [](const char* a, const char* b) { return compare(analyse_statement(a), analyse_statement(b)); };
  const auto n = rel("the company will cut 1,200 jobs in Germany", "the company will cut 1,500 jobs in Germany");
  CHECK(n.relation == Relation::updated);
  CHECK(n.old_value == "1,200");
  CHECK(n.new_value == "1,500");
  CHECK(rel("the president will sign the bill", "the president will not sign the bill").relation ==
        Relation::contradicted);
  CHECK(rel("the deal could be signed", "the deal was signed").realizes);
}

TEST_CASE("statements of any shape are reduced without hanging or losing numbers") {
  using namespace claimtrail::match;
  for (const char* s : {"one's",
                        "five's and ten's",
                        "'s",
                        "n't",
                        "1,,2",
                        "$",
                        "%",
                        "two-",
                        "-two",
                        "ninety-",
                        "a",
                        "",
                        "Sept.",
                        "U.S.",
                        "U.S.-led",
                        "3.5.6",
                        "five thousand's",
                        "\xE2\x80\x9Cone\xE2\x80\x9D",
                        "\xC3\xA9t\xC3\xA9 five",
                        "hundred",
                        "thousand thousand"})
    CHECK_NOTHROW(analyse_statement(s));
  const auto st = analyse_statement("the company's five thousand workers and 2,500 others");
  REQUIRE(st.numbers.size() == 2);
  CHECK(st.numbers[0].value == 5000);
  CHECK(st.numbers[1].value == 2500);
  for (const auto& e :
       std::filesystem::directory_iterator(claimtrail::testutil::source_dir() / "fixtures" / "articles"))
    CHECK_NOTHROW(analyse_statement(claimtrail::testutil::slurp(e.path()), {2024, 9, 6}));
}
