// A multiclass averaged perceptron over hashed features: the classifier
// under the language layer's tagger, parser, arc labeller and entity typer.
// Training keeps float weights and their running sums (the averaging trick
// of Daume: average = w - u / steps); the finished model keeps each
// surviving feature's averaged weights quantised to 16 bits.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimtrail::learn {

// Mixes a feature template id and up to three values into one 64-bit key.
constexpr std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
constexpr std::uint64_t feature_key(std::uint64_t templ, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  return mix64(templ * 0x9e3779b97f4a7c15ULL ^ mix64(a + 0x632be59bd9b4e019ULL) ^ mix64(b * 3 + 0x8cb92ba72f3d8dd7ULL) ^
               mix64(c * 5 + 0x4cf5ad432745937fULL));
}

// At most this many classes (the arc labeller has about 50).
constexpr int kMaxClasses = 256;

// A finished model reads its weights where the model file lies (the
// shipped models in the program's read-only data): the file holds each
// feature's key and weights in key order, and loading adds only a bucket
// index over the keys' top bits, so start-up touches no more than the keys
// and scoring a feature is one look into the index and, for a feature the
// model knows, one row of the file.
class MulticlassModel {
 public:
  MulticlassModel() = default;

  int classes() const { return classes_; }
  std::size_t features() const { return features_; }
  // Adds each feature's weights to scores[0, classes()).
  void score(std::span<const std::uint64_t> features, float* scores) const;
  // The best class among those `allowed` marks (all when empty).
  int best(std::span<const std::uint64_t> features, std::span<const bool> allowed = {}) const;

  // The model file (the same file for the same model).
  std::string serialize() const { return std::string(file_); }
  // Reads a model file in place: `bytes` must outlive the model. Throws
  // std::runtime_error on a file that is not a whole model.
  static MulticlassModel parse(std::string_view bytes);

 private:
  friend class MulticlassTrainer;
  // parse(), keeping `owner` (the bytes) alive with the model.
  static MulticlassModel view(std::string_view bytes, std::shared_ptr<const std::string> owner);
  const char* row(std::size_t i) const { return rows_ + i * row_; }
  int classes_ = 0;
  float scale_ = 1;
  std::size_t features_ = 0;
  std::size_t row_ = 0;  // bytes per feature: the key (u64), then classes_ x i16
  std::string_view file_;
  const char* rows_ = nullptr;
  std::shared_ptr<const std::string> owner_;  // set for a model trained here
  // Bucket b = key >> shift_ holds rows [index_[b], index_[b + 1]); there
  // are about as many buckets as features.
  std::vector<std::uint32_t> index_;
  unsigned shift_ = 63;
};

class MulticlassTrainer {
 public:
  explicit MulticlassTrainer(int classes) : classes_(std::min(classes, kMaxClasses)) {}
  int classes() const { return classes_; }
  // The current (not averaged) scores, for decisions while training.
  void score(std::span<const std::uint64_t> features, float* scores) const;
  // Counts the features of one example (finish() keeps those counted at
  // least min_count times; features never counted are kept if updated).
  void count(std::span<const std::uint64_t> features);
  // One step: when guess != truth, moves weight from guess to truth.
  void update(std::span<const std::uint64_t> features, int truth, int guess);
  // Ends one training example (the clock the averages run on).
  void tick() { ++steps_; }
  MulticlassModel finish(int min_count = 1) const;

 private:
  std::uint32_t row(std::uint64_t feature);
  int classes_;
  std::int64_t steps_ = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<float> w_;
  std::vector<double> u_;
  std::unordered_map<std::uint64_t, int> counts_;
};

}  // namespace claimtrail::learn
