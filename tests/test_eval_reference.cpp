// End-to-end checks of the evaluation: agreement with the reference scorer
// (../shared/tools/score_polnear.py) on the PolNeAR dev split, and the
// `claimtrail eval` command's output and exit codes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "eval/brat.hpp"
#include "eval/evaluate.hpp"
#include "testutil.hpp"

namespace eval = claimtrail::eval;
namespace fs = std::filesystem;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::TempDir;
using nlohmann::json;

namespace {

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

bool python_available() { return std::system("python3 -c pass >/dev/null 2>&1") == 0; }

json frags_json(const eval::Fragments& frags) {
  json out = json::array();
  for (const auto& f : frags) out.push_back({f.start, f.end});
  return out;
}

// Writes predictions in the reference's JSON Lines format (code points), one
// line per article present in `pred`, in the order of `split`.
void write_jsonl(const fs::path& file, const eval::Split& split, const eval::Predictions& pred) {
  std::ofstream out(file, std::ios::binary);
  for (const auto& doc : split.documents) {
    const auto it = pred.find(doc.name);
    if (it == pred.end()) continue;
    json atts = json::array();
    for (const auto& a : it->second)
      atts.push_back({{"source", frags_json(a.source)},
                      {"cue", frags_json(a.cue)},
                      {"content", frags_json(a.content)},
                      {"category", "named_person"}});  // an unknown key to the reference
    out << json{{"doc", doc.name}, {"attributions", atts}}.dump() << '\n';
  }
}

// The dev gold, perturbed the same way every time: every 5th attribution
// dropped, spans shifted, widened by a character, split at a space, sources
// and contents dropped, duplicates and spurious attributions added, fragments
// running past the text, every 9th article left without predictions.
eval::Predictions perturb(const eval::Split& split) {
  eval::Predictions pred;
  long k = 0;
  for (std::size_t d = 0; d < split.documents.size(); ++d) {
    const auto& doc = split.documents[d];
    if (d % 9 == 4) continue;
    auto& atts = pred[doc.name];
    const auto n = static_cast<std::int64_t>(doc.text.size());
    for (const auto& gold : doc.attributions) {
      ++k;
      if (k % 5 == 4) continue;
      eval::Attribution a = gold;
      if (k % 3 == 0 && !a.content.empty()) a.content.front().start += 2;
      if (k % 4 == 1)
        for (auto& f : a.source) f.start += 1, f.end += 1;
      if (k % 7 == 2 && !a.cue.empty()) a.cue.back().end += 2;
      if (k % 6 == 3) a.source.clear();
      if (k % 11 == 5 && !a.content.empty()) a.content.back().end += 1;
      if (k % 17 == 8 && !a.content.empty()) {  // split at a space: merged back by normalise
        const auto f = a.content.front();
        for (auto i = f.start + 1; i < f.end - 1; ++i) {
          if (doc.text[static_cast<std::size_t>(i)] == U' ') {
            a.content.front().end = i;
            a.content.insert(a.content.begin() + 1, eval::Fragment{i + 1, f.end});
            break;
          }
        }
      }
      if (k % 19 == 9) a.content.clear();
      if (k % 23 == 10 && !a.source.empty()) a.source.front().start -= 4;
      atts.push_back(a);
      if (k % 13 == 7) atts.push_back(a);  // a duplicate: one-to-one matching
    }
    eval::Attribution spurious;
    spurious.content = {{n / 2, std::min(n, n / 2 + 30)}};
    spurious.source = {{std::max<std::int64_t>(0, n / 2 - 12), std::max<std::int64_t>(0, n / 2 - 2)}};
    atts.push_back(spurious);
    eval::Attribution past_end;
    past_end.content = {{std::max<std::int64_t>(0, n - 5), n + 20}};
    past_end.cue = {{-3, 2}};
    atts.push_back(past_end);
  }
  return pred;
}

json read_json(const fs::path& p) { return json::parse(claimtrail::testutil::slurp(p)); }

// Compares one {P, R, F1, tp_pred, ...} object; returns the largest |difference| of P, R, F1.
double compare_figures(const json& ref, const json& ours, const std::string& what) {
  double worst = 0;
  for (const char* k : {"P", "R", "F1"}) {
    INFO(what << " " << k << ": reference " << ref[k] << ", ours " << ours[k]);
    REQUIRE(ours.contains(k));
    if (ref[k].is_null()) {
      CHECK(ours[k].is_null());
      continue;
    }
    REQUIRE(ours[k].is_number());
    const double diff = std::fabs(ref[k].get<double>() - ours[k].get<double>());
    worst = std::max(worst, diff);
    CHECK(diff <= 0.005);
  }
  for (const char* k : {"tp_pred", "n_pred", "tp_gold", "n_gold"}) {
    INFO(what << " " << k);
    CHECK(ref[k] == ours[k]);
  }
  return worst;
}

// Compares every figure both scorers compute; returns the largest difference.
double compare_reports(const json& ref, const json& ours) {
  double worst = 0;
  for (const char* role : {"cue", "source", "content"})
    for (const char* m : {"exact", "exact-trim", "overlap", "char"})
      worst =
          std::max(worst, compare_figures(ref["span"][role][m], ours["span"][role][m], std::string(role) + " " + m));
  for (const char* m : {"attr", "+source", "+source-exact", "+cue+source"})
    worst = std::max(worst, compare_figures(ref["attribution"][m], ours["attribution"][m], m));
  // (Named copies, not structured bindings: doctest's INFO captures them
  // in a lambda, which clang 14 does not allow for bindings.)
  for (const auto& item : ref["pairs"].items()) {
    const std::string k = item.key();
    INFO("pairs." << k);
    CHECK(ours["pairs"][k] == item.value());
  }
  for (const auto& g : ref["groups"].items()) {
    const std::string group = g.key();
    for (const auto& item : g.value().items()) {
      const std::string k = item.key();
      INFO("groups." << group << "." << k);
      CHECK(ours["groups"][group][k] == item.value());
    }
  }
  for (const auto& item : ref["counts"].items()) {
    const std::string k = item.key();
    INFO("counts." << k);
    CHECK(ours["counts"][k] == item.value());
  }
  return worst;
}

// The SPEC section 4 figures only (what `claimtrail eval` prints).
double compare_spec_figures(const json& ref, const json& ours) {
  double worst = 0;
  for (const char* role : {"cue", "source", "content"})
    for (const char* m : {"exact-trim", "char"})
      worst =
          std::max(worst, compare_figures(ref["span"][role][m], ours["span"][role][m], std::string(role) + " " + m));
  for (const char* m : {"attr", "+source"})
    worst = std::max(worst, compare_figures(ref["attribution"][m], ours["attribution"][m], m));
  return worst;
}

}  // namespace

TEST_SUITE("eval::reference") {
  TEST_CASE("perturbed dev gold: the same figures as score_polnear.py") {
    CLAIMTRAIL_REQUIRE_SHARED(shared);
    if (!python_available()) {
      if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true")
        FAIL("python3 is required under CI=true");
      MESSAGE("skipped: python3 not found");
      return;
    }
    const fs::path dev = shared / "corpora" / "polnear" / "dev";
    const fs::path scorer = shared / "tools" / "score_polnear.py";
    TempDir tmp;
    const auto split = eval::read_split(dev);
    REQUIRE(split.documents.size() == 84);
    CHECK(split.rejected.empty());
    const auto pred = perturb(split);
    write_jsonl(tmp.path() / "pred.jsonl", split, pred);

    const std::string cmd = "python3 " + quote(scorer) + " " + quote(dev) + " " + quote(tmp.path() / "pred.jsonl") +
                            " --json " + quote(tmp.path() / "ref.json") + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const json ref = read_json(tmp.path() / "ref.json");

    SUBCASE("in memory") {
      auto report = eval::evaluate(split, pred, nullptr);
      const double worst = compare_reports(ref, eval::render_json(report));
      MESSAGE("largest difference from the reference: " << worst << " (reference F1: content exact-trim "
                                                        << ref["span"]["content"]["exact-trim"]["F1"] << ", attr "
                                                        << ref["attribution"]["attr"]["F1"] << ", +source "
                                                        << ref["attribution"]["+source"]["F1"] << ")");
      CHECK(ref["attribution"]["attr"]["R"].get<double>() < 0.9);  // the perturbation bites
    }
    SUBCASE("through the prediction file") {
      const auto report = eval::evaluate_predictions(dev, tmp.path() / "pred.jsonl", std::nullopt);
      compare_reports(ref, eval::render_json(report));
    }
    SUBCASE("through `claimtrail eval --pred --json`") {
      std::string out;
      REQUIRE(run_cli("eval " + quote(dev) + " --pred " + quote(tmp.path() / "pred.jsonl") + " --json", &out) == 0);
      compare_reports(ref, json::parse(out));
    }
  }

  // Runs only once `claimtrail extract` works (exits 0 on a dev article).
  TEST_CASE("claimtrail eval agrees with extract | ct2polnear.py | score_polnear.py") {
    CLAIMTRAIL_REQUIRE_SHARED(shared);
    const fs::path dev = shared / "corpora" / "polnear" / "dev";
    const auto split = eval::read_split(dev);
    REQUIRE_FALSE(split.documents.empty());
    std::string probe;
    if (run_cli("extract --format jsonl " + quote(split.documents.front().text_path), &probe) != 0 ||
        !python_available()) {
      MESSAGE("skipped: `claimtrail extract --format jsonl` does not work yet (or no python3)");
      return;
    }
    TempDir tmp;
    const std::string bin = quote(CLAIMTRAIL_BINARY);
    const std::string pipeline = bin + " extract --format jsonl " + quote(dev / "text") +
                                 "/*.txt 2>/dev/null | python3 " + quote(shared / "tools" / "ct2polnear.py") + " " +
                                 quote(dev / "text") + " > " + quote(tmp.path() / "pred.jsonl") + " && python3 " +
                                 quote(shared / "tools" / "score_polnear.py") + " " + quote(dev) + " " +
                                 quote(tmp.path() / "pred.jsonl") + " --json " + quote(tmp.path() / "ref.json") +
                                 " >/dev/null 2>&1";
    REQUIRE(std::system(pipeline.c_str()) == 0);
    const json ref = read_json(tmp.path() / "ref.json");

    std::string out;
    REQUIRE(run_cli("eval " + quote(dev) + " --json", &out) == 0);
    const double worst = compare_spec_figures(ref, json::parse(out));
    MESSAGE("claimtrail eval vs the reference pipeline, largest difference: " << worst);
  }
}

TEST_SUITE("cli::eval") {
  const fs::path fixture = claimtrail::testutil::source_dir() / "fixtures" / "brat";

  TEST_CASE("usage errors exit 2") {
    std::string out, err;
    CHECK(run_cli("eval", &out, &err) == 2);
    CHECK(err.find("claimtrail: error: eval: missing GOLD_DIR") != std::string::npos);
    CHECK(run_cli("eval " + quote(fixture) + " --bogus", &out, &err) == 2);
    CHECK(run_cli("eval " + quote(fixture) + " " + quote(fixture), &out, &err) == 2);
    CHECK(run_cli("eval " + quote(fixture) + " --labels", &out, &err) == 2);
    CHECK(run_cli("eval some/where/test/", &out, &err) == 2);
    CHECK(err.find("--allow-test") != std::string::npos);
    CHECK(run_cli("eval --help", &out, &err) == 0);
    CHECK(out.find("usage: claimtrail eval GOLD_DIR") != std::string::npos);
    CHECK(out.find("--labels") != std::string::npos);
  }

  TEST_CASE("a directory that is not PolNeAR-style exits 1 with one line") {
    TempDir tmp;
    std::string out, err;
    CHECK(run_cli("eval " + quote(tmp.path()), &out, &err) == 1);
    CHECK(out.empty());
    CHECK(err == "claimtrail: error: " + tmp.path().string() +
                     ": not a PolNeAR-style directory (needs text/ and attributions/ subdirectories)\n");
    CHECK(run_cli("eval " + quote(fixture) + " --labels " + quote(tmp.path() / "absent.tsv"), &out, &err) == 1);
    CHECK(err.find("absent.tsv: no such file") != std::string::npos);
  }

  TEST_CASE("the report: text by default, JSON with --json, warnings on stderr") {
    TempDir tmp;
    const auto split = eval::read_split(fixture);
    eval::Predictions gold;
    for (const auto& d : split.documents) gold[d.name] = d.attributions;
    write_jsonl(tmp.path() / "gold.jsonl", split, gold);

    std::string out, err;
    REQUIRE(run_cli("eval " + quote(fixture) + " --pred " + quote(tmp.path() / "gold.jsonl") + " --labels " +
                        quote(fixture / "source-labels.tsv"),
                    &out, &err) == 0);
    CHECK(out.find("articles: 3 (1 without predictions)   gold attributions: 8   predicted: 8\n") != std::string::npos);
    CHECK(out.find("  content  exact-trim  1.000  1.000  1.000   (7 / 7)\n") != std::string::npos);
    CHECK(out.find("  +source              1.000  1.000  1.000   (7 / 7)\n") != std::string::npos);
    CHECK(out.find("sources labelled: 6   matched: 6 (6 exact-trim, 0 overlap)\n") != std::string::npos);
    CHECK(out.find("  category accuracy   0.500   (3 / 6)\n") != std::string::npos);  // all named_person
    CHECK(err.find("claimtrail: warning: alpha_x1.ann:17: unparsable T line\n") != std::string::npos);

    REQUIRE(run_cli("eval " + quote(fixture) + " --json", &out, &err) == 0);  // runs the parser
    const json j = json::parse(out);
    CHECK(j["pred"] == "claimtrail extract");
    CHECK(j["counts"]["docs"] == 3);
    CHECK(j["span"]["content"]["char"]["n_gold"] == 212);
    CHECK(j["warnings"].size() == 3);
  }
}
