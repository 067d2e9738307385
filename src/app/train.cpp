#include "app/train.hpp"

#include <algorithm>
#include <random>

#include "core/error.hpp"
#include "eval/brat.hpp"
#include "util/utf8.hpp"

namespace claimtrail::app {

using namespace learn;

namespace {

// The gold label of each token of a sentence: the role whose span holds the
// token's first byte (cue over source over content), B at a span's start.
std::vector<std::uint8_t> gold_labels(const extract::Extractor::SentenceFeatures& s,
                                      const std::vector<std::pair<int, std::pair<std::size_t, std::size_t>>>& spans) {
  std::vector<std::uint8_t> out(s.tokens.size(), O);
  std::vector<int> span_of(s.tokens.size(), -1);
  for (std::size_t k = 0; k < s.tokens.size(); ++k) {
    const std::size_t at = s.tokens[k].first;
    int best_role = 0, best = -1;
    for (std::size_t j = 0; j < spans.size(); ++j) {
      const auto& [role, r] = spans[j];
      if (at >= r.first && at < r.second && role > best_role) {
        best_role = role;
        best = static_cast<int>(j);
      }
    }
    if (best < 0) continue;
    span_of[k] = best;
    const bool begin = k == 0 || span_of[k - 1] != best;
    // role 3 cue, 2 source, 1 content
    const int base = best_role == 3 ? B_CUE : best_role == 2 ? B_SRC : B_CON;
    out[k] = static_cast<std::uint8_t>(begin ? base : base + 1);
  }
  return out;
}

}  // namespace

learn::Model train_tagger(const std::filesystem::path& dir, const TrainOptions& o, std::string* log) {
  auto name = dir.lexically_normal();
  if (name.filename().empty()) name = name.parent_path();
  if (name.filename() == "test") throw core::Error(dir.string(), "refusing to train on a split named 'test'");
  const eval::Split split = eval::read_split(dir);
  const extract::Extractor ex;
  struct Example {
    Features features;
    std::vector<std::uint8_t> labels;
  };
  std::vector<Example> examples;
  std::size_t articles = 0;
  for (const auto& doc : split.documents) {
    if (o.limit && articles >= o.limit) break;
    ++articles;
    const util::CodepointIndex index(doc.utf8);
    std::vector<std::pair<int, std::pair<std::size_t, std::size_t>>> spans;
    auto add = [&](const eval::Fragments& fs, int role) {
      for (const auto& f : fs) {
        if (f.start < 0 || f.end <= f.start || static_cast<std::size_t>(f.end) > index.codepoints()) continue;
        spans.push_back(
            {role, {index.to_byte(static_cast<std::size_t>(f.start)), index.to_byte(static_cast<std::size_t>(f.end))}});
      }
    };
    for (const auto& a : doc.attributions) {
      add(a.content, 1);
      add(a.source, 2);
      add(a.cue, 3);
    }
    for (auto& s : ex.features(doc.utf8, o.use_rules)) {
      Example e;
      e.labels = gold_labels(s, spans);
      e.features = std::move(s.features);
      examples.push_back(std::move(e));
    }
  }
  Trainer t;
  for (const auto& e : examples) t.count(e.features);
  std::mt19937 rng(o.seed);
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    // A fixed, portable shuffle (std::shuffle's algorithm is the library's).
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (std::size_t i : order) t.learn(examples[i].features, examples[i].labels);
    if (log) *log += "epoch " + std::to_string(epoch + 1) + " done\n";
  }
  Model m = t.finish(o.min_count);
  m.version = "tagger trained on " + name.filename().string() + " (" + std::to_string(articles) + " articles, " +
              std::to_string(o.epochs) + " epochs, " + (o.use_rules ? "with" : "without") + " rule features)";
  return m;
}

}  // namespace claimtrail::app
