// The paraphrase table (fixtures/matching/pairs.tsv), written by hand before
// the matcher: positives must match, hard negatives must not.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <sstream>

#include "match/compare.hpp"
#include "testutil.hpp"

namespace {

struct Tally {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0; }
};

// Scores one pairs file into `all` and, by kind, into `by_kind` (a `same`
// pair of several kinds counts under each).
void score_pairs(const std::string& file, Tally& all, std::map<std::string, Tally>& by_kind) {
  std::istringstream in(
      claimtrail::testutil::slurp(claimtrail::testutil::source_dir() / "fixtures" / "matching" / file));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      CHECK(line == "label\tkind\ta\tb");
      continue;
    }
    std::vector<std::string> f;
    std::istringstream ls(line);
    for (std::string x; std::getline(ls, x, '\t');) f.push_back(x);
    REQUIRE(f.size() == 4);
    REQUIRE((f[0] == "same" || f[0] == "different"));
    const auto c = claimtrail::match::compare(claimtrail::match::analyse_statement(f[2]),
                                              claimtrail::match::analyse_statement(f[3]));
    const bool said_same = c.relation == claimtrail::match::Relation::same;
    const bool same = f[0] == "same";
    auto count = [&](Tally& t) { (said_same ? (same ? t.tp : t.fp) : (same ? t.fn : t.tn))++; };
    count(all);
    std::istringstream ks(f[1]);
    for (std::string k; std::getline(ks, k, ',');) count(by_kind[f[0] + " " + k]);
    if (said_same != same)
      MESSAGE(std::string(same ? "missed: " : "false match: ") << f[2] << "  ||  " << f[3] << "  (" << c.why << ")");
  }
}

}  // namespace

TEST_CASE("paraphrase pairs and hard negatives: precision and recall of the matcher") {
  Tally first, more;
  std::map<std::string, Tally> by_kind;
  score_pairs("pairs.tsv", first, by_kind);
  score_pairs("pairs-more.tsv", more, by_kind);
  Tally all = first;
  all.tp += more.tp, all.fp += more.fp, all.fn += more.fn, all.tn += more.tn;
  // Printed whatever the outcome: the figures the README quotes.
  for (const auto& [k, t] : by_kind) {
    const bool same = k.rfind("same", 0) == 0;
    std::printf("  %-20s %2d/%2d %s\n", k.c_str(), same ? t.tp : t.tn, t.tp + t.fp + t.fn + t.tn,
                same ? "found" : "kept apart");
  }
  for (const auto& [name, t] :
       {std::pair<const char*, Tally>{"pairs.tsv", first}, {"pairs-more.tsv", more}, {"all pairs", all}})
    std::printf("%s: %d same, %d different; precision %.3f, recall %.3f\n", name, t.tp + t.fn, t.tn + t.fp,
                t.precision(), t.recall());
  CHECK(more.tp + more.fn + more.tn + more.fp >= 40);
  CHECK(all.tp + all.fn >= 70);
  CHECK(all.tn + all.fp >= 90);
  CHECK(all.precision() >= 0.97);
  CHECK(all.recall() >= 0.90);
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
