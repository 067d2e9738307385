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

// Features below kDense are "dense": a small template id and value packed
// into one number (dense_feature()), for the templates with few values
// (shapes, quotation state, distances, rule roles). The model keeps their
// weights in a directly indexed table; all other features are hashes, kept
// out of the dense range by hashed_feature().
constexpr std::uint64_t kDense = 1u << 16;
constexpr std::uint64_t dense_feature(std::uint64_t templ, std::uint64_t value) {
  return (templ & 31) << 11 | (value & 2047);
}
constexpr std::uint64_t hashed_feature(std::uint64_t h) { return h < kDense ? h + kDense : h; }

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

  // Builds the decoding tables from index_ and weights_ (parse() and
  // Trainer::finish() call it).
  void seal();

 private:
  // Decoding reads weights from a flat open-addressing table of 16-byte
  // slots: a 16-bit tag of the feature hash and its weights quantised to
  // 16 bits, so that four slots share a cache line (the shipped model's
  // 80,000 features take 4 MB at half load). A feature absent from the
  // model is told apart by its tag (two features of one probe chain sharing
  // a tag is a 1 in 32,768 event per probe).
  struct Slot {
    std::uint16_t tag = 0;  // 0: empty
    std::array<std::int16_t, kLabels> w{};
  };
  static_assert(sizeof(Slot) == 16);
  const Slot* find(std::uint64_t feature) const;
  std::vector<Slot> slots_;
  std::vector<Slot> dense_;  // kDense slots, indexed by the feature itself
  std::uint64_t mask_ = 0;
  float scale_ = 1;  // a weight is w * scale_
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
