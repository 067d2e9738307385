// A structured perceptron for sequence labelling: token features (hashed
// strings) and label-to-label transitions, Viterbi decoding, averaged
// training, and a compact deterministic model file.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimtrail::learn {

// Labels of the attribution tagger: outside, and begin / inside of a source,
// a cue and a content.
enum Label : std::uint8_t { O = 0, B_SRC, I_SRC, B_CUE, I_CUE, B_CON, I_CON, kLabels };
const char* label_name(int l);

std::uint64_t feature_hash(std::string_view s);

// The features of a sentence's tokens, in one flat array: token i's are
// values[begin(i), ends[i]).
struct Features {
  std::vector<std::uint64_t> values;
  std::vector<std::uint32_t> ends;
  std::size_t size() const { return ends.size(); }
  std::size_t begin(std::size_t i) const { return i == 0 ? 0 : ends[i - 1]; }
  void add(std::uint64_t f) { values.push_back(f); }
  void end_token() { ends.push_back(static_cast<std::uint32_t>(values.size())); }
};

class Model {
 public:
  // The best label sequence for a sentence.
  std::vector<std::uint8_t> decode(const Features& tokens) const;
  // Writes / reads the model file; read() throws std::runtime_error on a bad file.
  std::string serialize() const;
  static Model parse(std::string_view bytes);
  std::size_t features() const { return index_.size(); }
  std::string version;  // what produced it (the training data and settings)

  using Weights = std::array<float, kLabels>;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;  // feature -> row in weights_
  std::vector<Weights> weights_;
  std::array<std::array<float, kLabels>, kLabels + 1> transitions_{};  // [prev (kLabels = start)][label]

  // A flat open-addressing copy of index_ for decoding (built by seal()).
  void seal();

 private:
  const float* find(std::uint64_t feature) const;
  struct Slot {
    std::uint64_t key = 0;  // 0: empty
    Weights w{};
  };
  std::vector<Slot> slots_;  // a key and its weights in one cache line
  std::uint64_t mask_ = 0;
};

// Averaged perceptron training over sentences.
class Trainer {
 public:
  // Counts a sentence's features once (for finish()'s min_count).
  void count(const Features& tokens);
  // One training step on a sentence with its gold labels.
  void learn(const Features& tokens, const std::vector<std::uint8_t>& gold);
  // The averaged model, keeping features seen at least `min_count` times.
  Model finish(int min_count) const;

 private:
  struct Row {
    Model::Weights w{}, total{};  // current weights and their running sum (lazily updated)
    std::array<std::int64_t, kLabels> stamp{};
    int count = 0;
  };
  void add(Row& r, int label, float delta);
  std::unordered_map<std::uint64_t, Row> rows_;
  std::array<std::array<float, kLabels>, kLabels + 1> trans_{}, trans_total_{};
  std::array<std::array<std::int64_t, kLabels>, kLabels + 1> trans_stamp_{};
  std::int64_t step_ = 0;
};

}  // namespace claimtrail::learn
