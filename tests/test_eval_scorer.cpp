#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "core/analysis.hpp"
#include "core/error.hpp"
#include "eval/brat.hpp"
#include "eval/evaluate.hpp"
#include "eval/scorer.hpp"
#include "testutil.hpp"

namespace eval = claimtrail::eval;
namespace core = claimtrail::core;
using eval::Attribution;
using eval::AttrMetric;
using eval::Counts;
using eval::Fragment;
using eval::Fragments;
using eval::Role;
using eval::SpanMetric;
namespace fs = std::filesystem;

namespace {

fs::path fixture_dir() { return claimtrail::testutil::source_dir() / "fixtures" / "brat"; }

// The fragment of the n-th (from 0) occurrence of `what` in `text`.
Fragment at(std::u32string_view text, std::u32string_view what, int n = 0) {
  std::size_t from = 0;
  std::size_t i = text.find(what);
  while (n-- > 0) {
    from = i + 1;
    i = text.find(what, from);
  }
  REQUIRE(i != std::u32string_view::npos);
  return {static_cast<std::int64_t>(i), static_cast<std::int64_t>(i + what.size())};
}

Attribution att(Fragments source, Fragments cue, Fragments content) {
  Attribution a;
  a.source = std::move(source);
  a.cue = std::move(cue);
  a.content = std::move(content);
  return a;
}

void check_prf(const Counts& c, double p, double r, double f) {
  REQUIRE(c.precision().has_value());
  REQUIRE(c.recall().has_value());
  REQUIRE(c.f1().has_value());
  CHECK(*c.precision() == doctest::Approx(p));
  CHECK(*c.recall() == doctest::Approx(r));
  CHECK(*c.f1() == doctest::Approx(f));
}

}  // namespace

TEST_SUITE("eval::scorer") {
  TEST_CASE("white space is Python's str.isspace()") {
    for (char32_t c : {U' ', U'\t', U'\n', U'\r', U'\v', U'\f', U'\x1C', U'\x1F', U'\u0085', U'\u00A0', U'\u1680',
                       U'\u2000', U'\u200A', U'\u2028', U'\u2029', U'\u202F', U'\u205F', U'\u3000'})
      CHECK(eval::is_space(c));
    for (char32_t c : {U'a', U'\x1B', U'\x7F', U'\u200B', U'\uFEFF', U'\u180E', U'\u2060', U'_'})
      CHECK_FALSE(eval::is_space(c));
  }

  TEST_CASE("normalise clips, trims, sorts and merges") {
    const std::u32string t = U"ab  cd, ef\u00A0gh ";
    CHECK(eval::normalise({{-3, 2}}, t) == eval::Span{{0, 2}});
    CHECK(eval::normalise({{5, 3}, {2, 2}}, t).empty());
    CHECK(eval::normalise({{1, 99}}, t) == eval::Span{{1, 13}});                  // clipped, trailing space trimmed
    CHECK(eval::normalise({{4, 6}, {0, 2}}, t) == eval::Span{{0, 6}});            // only white space between
    CHECK(eval::normalise({{0, 2}, {8, 10}}, t) == eval::Span{{0, 2}, {8, 10}});  // ", " between
    CHECK(eval::normalise({{8, 10}, {11, 13}}, t) == eval::Span{{8, 13}});        // NBSP between
    CHECK(eval::normalise({{2, 4}}, t).empty());                                  // white space only
    CHECK(eval::normalise({{0, 5}, {1, 3}}, t) == eval::Span{{0, 5}});
  }

  TEST_CASE("trim_punct trims both ends only and keeps all-punctuation spans") {
    const std::u32string t = U"\u201CYes.\u201D : (ok) \u2014 \u2018no\u2019, \u00ABoui\u00BB";
    CHECK(eval::trim_punct({{0, 6}}, t) == eval::Span{{1, 4}});
    CHECK(eval::trim_punct({{7, 8}}, t) == eval::Span{{7, 8}});  // ":" stays
    CHECK(eval::trim_punct({{9, 13}}, t) == eval::Span{{10, 12}});
    CHECK(eval::trim_punct({{0, 6}, {9, 13}}, t) == eval::Span{{1, 6}, {9, 12}});
    CHECK(eval::trim_punct({{7, 8}, {9, 13}}, t) == eval::Span{{9, 12}});  // first fragment gone
    CHECK(eval::trim_punct({{16, 21}}, t) == eval::Span{{17, 19}});
    CHECK(eval::trim_punct({{22, 27}}, t) == eval::Span{{23, 26}});
    CHECK(eval::trim_punct({}, t).empty());
  }

  TEST_CASE("classify by the reference's quotation rule") {
    const std::u32string t =
        U"\u201CWe will win.\u201D He said \"we\" won. It gives \u201Cbreathing room,\u201D she said. "
        U"They lost.";
    using eval::QuoteType;
    CHECK(eval::classify({{0, 14}}, t) == QuoteType::direct);
    CHECK(eval::classify({{1, 13}}, t) == QuoteType::direct);  // marks just outside
    CHECK(eval::classify({at(t, U"\"we\" won")}, t) == QuoteType::mixed);
    CHECK(eval::classify({at(t, U"It gives \u201Cbreathing room,\u201D")}, t) == QuoteType::mixed);
    CHECK(eval::classify({at(t, U"They lost")}, t) == QuoteType::indirect);
    CHECK(eval::classify({}, t) == QuoteType::indirect);
  }

  TEST_CASE("P, R and F1, and when they are undefined") {
    CHECK_FALSE(Counts{}.precision().has_value());
    CHECK_FALSE(Counts{}.recall().has_value());
    CHECK_FALSE(Counts{}.f1().has_value());
    const Counts nothing_predicted{0, 0, 0, 5};
    CHECK_FALSE(nothing_predicted.precision().has_value());
    CHECK(nothing_predicted.recall() == 0.0);
    CHECK(nothing_predicted.f1() == 0.0);
    const Counts no_gold{0, 3, 0, 0};
    CHECK(no_gold.precision() == 0.0);
    CHECK_FALSE(no_gold.recall().has_value());
    CHECK(no_gold.f1() == 0.0);
    check_prf(Counts{1, 2, 1, 4}, 0.5, 0.25, 1.0 / 3.0);
  }

  TEST_CASE("gold scored against itself is 1 everywhere") {
    const auto split = eval::read_split(fixture_dir());
    eval::Scores total;
    for (const auto& d : split.documents) total += eval::score_document(d.text, d.attributions, d.attributions);
    for (Role r : eval::kRoles)
      for (SpanMetric m : eval::kSpanMetrics) check_prf(total.at(r, m), 1, 1, 1);
    for (AttrMetric m : eval::kAttrMetrics) check_prf(total.at(m), 1, 1, 1);
    CHECK(total.gold_attributions == 8);
    CHECK(total.gold_ignored_no_content == 1);                  // E6 lost its content
    CHECK(total.at(Role::cue, SpanMetric::exact).n_gold == 7);  // E6's cue is E1's: counted once
    CHECK(total.pairs.pairs == 7);
    CHECK(total.group(eval::QuoteType::direct).n == 2);  // the split quote and the engineer's
    CHECK(total.group(eval::QuoteType::mixed).n == 2);   // the headline, the mayor's
    CHECK(total.group(eval::QuoteType::indirect).n == 3);
  }

  TEST_CASE("hand-computed cases") {
    const std::u32string t = U"Ann said: \u201CWe will win.\u201D Bob said the vote was close. Cal agreed.";
    const Fragment ann = at(t, U"Ann"), said1 = at(t, U"said"), quote = at(t, U"\u201CWe will win.\u201D");
    const Fragment bob = at(t, U"Bob"), said2 = at(t, U"said", 1), vote = at(t, U"the vote was close");
    const std::vector<Attribution> gold{att({ann}, {said1}, {quote}), att({bob}, {said2}, {vote})};

    SUBCASE("extra or missing quotation marks and periods are still exact-trim") {
      const std::vector<Attribution> pred{att({ann}, {said1}, {at(t, U"We will win")}),
                                          att({bob}, {said2}, {at(t, U"the vote was close.")})};
      const auto s = eval::score_document(t, gold, pred);
      check_prf(s.at(Role::content, SpanMetric::exact), 0, 0, 0);
      check_prf(s.at(Role::content, SpanMetric::exact_trim), 1, 1, 1);
      check_prf(s.at(AttrMetric::source_exact), 1, 1, 1);
      CHECK(s.pairs.content_exact == 0);
      CHECK(s.pairs.content_exact_trim == 2);
    }
    SUBCASE("partial overlap: character figures") {
      // Predicted cue "Ann said" against gold "said": 4 of its 7 non-space
      // characters are gold; all 4 gold characters found.
      // Predicted content "vote was close. Cal" against "the vote was close"
      // and the quote: 12 shared of 16 predicted, of 15 + 12 gold.
      const std::vector<Attribution> pred{att({}, {{ann.start, said1.end}}, {}),
                                          att({bob}, {said2}, {{at(t, U"vote").start, at(t, U"Cal").end}})};
      const auto s = eval::score_document(t, gold, pred);
      const Counts& cue = s.at(Role::cue, SpanMetric::chars);
      CHECK(cue.n_pred == 4 + 3 + 4);  // "Ann said" + "said" (Bob's)
      CHECK(cue.n_gold == 8);
      CHECK(cue.tp_pred == 8);
      check_prf(s.at(Role::content, SpanMetric::chars), 12.0 / 16.0, 12.0 / 27.0,
                2 * (12.0 / 16.0) * (12.0 / 27.0) / (12.0 / 16.0 + 12.0 / 27.0));
      check_prf(s.at(Role::cue, SpanMetric::overlap), 1, 1, 1);
      check_prf(s.at(Role::cue, SpanMetric::exact_trim), 0.5, 0.5, 0.5);
      // Attribution level: one predicted attribution has a content; it matches Bob's.
      check_prf(s.at(AttrMetric::attr), 1, 0.5, 2.0 / 3.0);
      check_prf(s.at(AttrMetric::source), 1, 0.5, 2.0 / 3.0);
      CHECK(s.pred_ignored_no_content == 1);
    }
    SUBCASE("matching is one to one, and a tie goes to the better source") {
      const std::vector<Attribution> pred{att({at(t, U"Cal")}, {said2}, {vote}),  // same content, wrong source
                                          att({bob}, {}, {vote}),  // same content, right source: wins the tie
                                          att({bob}, {said2}, {at(t, U"vote")})};  // less content: left unmatched
      const auto s = eval::score_document(t, gold, pred);
      check_prf(s.at(AttrMetric::attr), 1.0 / 3.0, 0.5, 0.4);
      check_prf(s.at(AttrMetric::source), 1.0 / 3.0, 0.5, 0.4);
      check_prf(s.at(AttrMetric::cue_source), 0, 0, 0);                  // the winner has no cue
      check_prf(s.at(Role::content, SpanMetric::exact), 0.5, 0.5, 0.5);  // de-duplicated: 2 predicted
      CHECK(s.pairs.pairs == 1);
      CHECK(s.pairs.source_overlap == 1);
      CHECK(s.pairs.cue_overlap == 0);
    }
    SUBCASE("more shared content wins over the better source") {
      const std::vector<Attribution> pred{att({bob}, {said2}, {at(t, U"vote")}), att({ann}, {}, {vote})};
      const auto s = eval::score_document(t, gold, pred);
      check_prf(s.at(AttrMetric::attr), 0.5, 0.5, 0.5);
      check_prf(s.at(AttrMetric::source), 0, 0, 0);
    }
    SUBCASE("an attribution without a source is right only when gold has none") {
      const std::vector<Attribution> g{att({}, {said2}, {vote})};
      check_prf(eval::score_document(t, g, {att({}, {}, {vote})}).at(AttrMetric::source), 1, 1, 1);
      check_prf(eval::score_document(t, g, {att({bob}, {}, {vote})}).at(AttrMetric::source), 0, 0, 0);
      check_prf(eval::score_document(t, gold, {att({}, {}, {vote})}).at(AttrMetric::source), 0, 0, 0);
    }
    SUBCASE("nothing predicted: P undefined, R and F1 zero") {
      const auto s = eval::score_document(t, gold, {});
      for (Role r : eval::kRoles) {
        CHECK_FALSE(s.at(r, SpanMetric::exact_trim).precision().has_value());
        CHECK(s.at(r, SpanMetric::exact_trim).recall() == 0.0);
        CHECK(s.at(r, SpanMetric::chars).f1() == 0.0);
      }
      CHECK_FALSE(s.at(AttrMetric::attr).precision().has_value());
      CHECK(s.at(AttrMetric::attr).f1() == 0.0);
      const auto empty = eval::score_document(t, {}, {});
      CHECK_FALSE(empty.at(AttrMetric::source).f1().has_value());
    }
  }

  TEST_CASE("category accuracy: exact-trim first, then overlap, one to one") {
    const std::u32string t = U"Sen. Ann Lee, a Democrat, said no. Officials said yes. The report said so.";
    const std::vector<eval::SourceLabel> labels{
        {at(t, U"Sen. Ann Lee, a Democrat"), core::SourceCategory::named_person, false},
        {at(t, U"Officials"), core::SourceCategory::unnamed_group, true},
        {at(t, U"The report"), core::SourceCategory::document, false}};
    auto pred_att = [&](Fragment source, std::optional<core::SourceCategory> c, std::optional<bool> anon) {
      Attribution a = att({source}, {}, {});
      a.category = c;
      a.anonymous = anon;
      return a;
    };
    const std::vector<Attribution> pred{
        pred_att(at(t, U"Ann Lee"), core::SourceCategory::named_person, false),          // overlap
        pred_att(at(t, U"Officials said"), core::SourceCategory::unnamed_person, true),  // overlap
        pred_att({at(t, U"Officials").start, at(t, U"Officials").end + 1}, std::nullopt, std::nullopt),
        pred_att(at(t, U"Ann Lee"), core::SourceCategory::document, true)};  // same span: first kept
    auto s = eval::score_categories(t, labels, pred);
    CHECK(s.labelled == 3);
    CHECK(s.matched == 2);
    CHECK(s.matched_exact == 1);  // "Officials " (white space trimmed) before "Officials said"
    CHECK(s.category_correct == 1);
    CHECK(s.anonymous_correct == 1);
    CHECK(*s.category_accuracy() == doctest::Approx(0.5));
    CHECK(s.confusion[core::SourceCategory::unnamed_group][std::nullopt] == 1);
    CHECK_FALSE(eval::score_categories(t, labels, {}).category_accuracy().has_value());
  }

  TEST_CASE("source labels file") {
    std::vector<std::string> warnings;
    const auto labels = eval::read_source_labels(fixture_dir() / "source-labels.tsv", &warnings);
    REQUIRE(labels.count("alpha"));
    CHECK(labels.at("alpha").size() == 4);
    CHECK(labels.at("beta").size() == 2);
    CHECK(labels.at("beta")[0].anonymous);
    CHECK(labels.at("beta")[1].category == core::SourceCategory::unnamed_person);
    CHECK(labels.at("alpha")[1].extent == Fragment{103, 117});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("source-labels.tsv:12: unknown category 'spokesman'") != std::string::npos);

    claimtrail::testutil::TempDir tmp;
    std::ofstream(tmp.path() / "no-header.tsv") << "# c\nalpha\t1\t2\tdocument\tfalse\n";
    CHECK_THROWS_AS(eval::read_source_labels(tmp.path() / "no-header.tsv", nullptr), core::Error);
    CHECK_THROWS_AS(eval::read_source_labels(tmp.path() / "absent.tsv", nullptr), core::Error);
    std::ofstream(tmp.path() / "reordered.tsv")
        << "anonymous\tcategory\tdoc\tend\tstart\tnote\r\nTRUE\tunnamed_person\tx\t9\t3\thi\r\n"
           "true\tunnamed_person\tx\t3\t9\r\nmaybe\tdocument\tx\t1\t0\tz\r\n";
    warnings.clear();
    const auto re = eval::read_source_labels(tmp.path() / "reordered.tsv", &warnings);
    REQUIRE(re.at("x").size() == 1);
    CHECK(re.at("x")[0].extent == Fragment{3, 9});
    CHECK(warnings.size() == 2);  // start after end; "maybe"
  }
}

TEST_SUITE("eval::evaluate") {
  TEST_CASE("byte offsets become code points, nested attributions are left out") {
    const std::string text = "\xC3\xA9t\xC3\xA9: \xE2\x80\x9CHi,\xE2\x80\x9D Ann said.";  // été: “Hi,” Ann said.
    core::Analysis an;
    core::Attribution a;
    a.cue = {{21, 25}};
    a.content = {{7, 16}};
    a.source = core::Source{};
    a.source->spans = {{17, 20}};
    a.source->category = core::SourceCategory::named_person;
    an.attributions.push_back(a);
    core::Attribution nested = a;
    nested.parent = 0;
    an.attributions.push_back(nested);
    core::Attribution no_source;
    no_source.content = {{0, 5}};
    an.attributions.push_back(no_source);
    const auto atts = eval::to_codepoints(an, text);
    REQUIRE(atts.size() == 2);
    CHECK(atts[0].content == Fragments{{5, 10}});
    CHECK(atts[0].source == Fragments{{11, 14}});
    CHECK(atts[0].cue == Fragments{{15, 19}});
    CHECK(atts[0].category == core::SourceCategory::named_person);
    CHECK(atts[0].anonymous == false);
    CHECK(atts[1].source.empty());
    CHECK_FALSE(atts[1].category.has_value());
    CHECK(atts[1].content == Fragments{{0, 3}});
  }

  TEST_CASE("evaluate with labels, and both renderings") {
    const auto split = eval::read_split(fixture_dir());
    std::vector<std::string> warnings;
    const auto labels = eval::read_source_labels(fixture_dir() / "source-labels.tsv", &warnings);
    eval::Predictions pred;
    for (const auto& d : split.documents) {
      auto& atts = pred[d.name];
      for (const auto& a : d.attributions) {
        Attribution p = a;
        p.category = core::SourceCategory::named_person;
        p.anonymous = false;
        atts.push_back(p);
      }
    }
    pred["alpha"].pop_back();         // E6, the attribution without a content
    pred["beta"].back().cue.clear();  // the engineer's "said"
    const auto report = eval::evaluate(split, pred, &labels);
    CHECK(report.articles == 3);
    CHECK(report.articles_without_predictions == 1);  // gamma
    REQUIRE(report.categories.has_value());
    CHECK(report.categories->labelled == 6);
    CHECK(report.categories->matched == 6);
    CHECK(report.categories->category_correct == 3);
    CHECK(report.categories->anonymous_correct == 4);
    CHECK(std::any_of(report.warnings.begin(), report.warnings.end(),
                      [](const std::string& w) { return w.find("'delta'") != std::string::npos; }));

    const std::string text = eval::render_text(report);
    for (const char* line :
         {"  cue      exact-trim  1.000  0.857  0.923   (6 / 7)\n",
          "  cue      char        1.000  0.895  0.944   (34 / 38)\n",
          "  source   exact-trim  1.000  1.000  1.000   (6 / 6)\n",
          "  content  char        1.000  1.000  1.000   (212 / 212)\n",
          "  attr                 1.000  1.000  1.000   (7 / 7)\n",
          "  +source              1.000  1.000  1.000   (7 / 7)\n", "  category accuracy   0.500   (3 / 6)\n"})
      CHECK_MESSAGE(text.find(line) != std::string::npos, text);

    const auto j = eval::render_json(report);
    CHECK(j["span"]["cue"]["exact-trim"]["n_gold"] == 7);
    CHECK(j["span"]["source"]["char"]["F1"] == 1.0);
    CHECK(j["attribution"]["+source"]["tp_pred"] == 7);
    CHECK(j["counts"]["docs"] == 3);
    CHECK(j["categories"]["category"]["accuracy"] == 0.5);
    CHECK(j["categories"]["confusion"]["unnamed_group"]["named_person"] == 1);
    CHECK(j["groups"]["direct"]["n"] == 2);

    const auto none = eval::evaluate(split, {}, nullptr);
    CHECK(eval::render_json(none)["attribution"]["attr"]["P"].is_null());
    CHECK(eval::render_text(none).find("  attr" + std::string(19, ' ') + "-    0.000  0.000   (0 / 7)") !=
          std::string::npos);
  }

  TEST_CASE("prediction files in the reference's format") {
    claimtrail::testutil::TempDir tmp;
    const auto split = eval::read_split(fixture_dir());
    std::ofstream(tmp.path() / "p.jsonl")
        << "{\"doc\": \"beta\", \"attributions\": [{\"source\": [[0, 9]], \"cue\": [[10, 14]],"
           " \"content\": [[15, 38.0]], \"category\": \"unnamed_group\", \"anonymous\": true, \"x\": 1}]}\n"
           "\n{bad json\n[1]\n{\"doc\": \"nope\", \"attributions\": []}\n"
           "{\"doc\": \"beta\", \"attributions\": [{\"content\": [[43, 56], [\"a\", 2], [60, 999]]}]}\n"
           "{\"doc\": \"alpha\", \"attributions\": null}\r\n";
    std::vector<std::string> warnings;
    const auto pred = eval::read_predictions(tmp.path() / "p.jsonl", &split, &warnings);
    REQUIRE(pred.count("beta"));
    REQUIRE(pred.at("beta").size() == 2);  // two lines merged
    CHECK(pred.at("beta")[0].content == Fragments{{15, 38}});
    CHECK(pred.at("beta")[0].category == core::SourceCategory::unnamed_group);
    CHECK(pred.at("beta")[0].anonymous == true);
    CHECK(pred.at("beta")[1].content == Fragments{{43, 56}, {60, 999}});
    CHECK(pred.at("alpha").empty());
    CHECK(warnings.size() == 5);  // bad json, [1], unknown doc, bad fragment, out of range

    const auto report = eval::evaluate_predictions(fixture_dir(), tmp.path() / "p.jsonl", std::nullopt);
    CHECK(report.articles_without_predictions == 2);
    CHECK(report.scores.at(AttrMetric::attr).tp_pred == 2);
    CHECK_THROWS_AS(eval::evaluate_predictions(fixture_dir(), tmp.path() / "absent.jsonl", std::nullopt), core::Error);
  }
}
