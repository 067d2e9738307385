// The part-of-speech tagger: greedy left to right, an averaged perceptron
// over the word, its affixes and shape, its neighbours and the two tags
// before it (Collins 2002; the feature set of Honnibal's tagger).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "language/treebank.hpp"
#include "language/words.hpp"
#include "learn/multiclass.hpp"

namespace claimtrail::language {

// The tags each frequent word was seen with in training (its "ambiguity
// class", a bit per Upos), which lets the tagger look at the words ahead.
class TagDictionary {
 public:
  std::uint32_t operator()(const WordCodes& w) const;
  void add(std::uint64_t lower, std::uint32_t tags) { tags_.emplace_back(lower, tags); }
  void seal();  // sorts; call after the last add()
  std::string serialize() const;
  static TagDictionary parse(std::string_view bytes);
  std::size_t size() const { return tags_.size(); }

 private:
  std::vector<std::pair<std::uint64_t, std::uint32_t>> tags_;  // sorted by word
};

class Tagger {
 public:
  Tagger() = default;
  Tagger(learn::MulticlassModel model, TagDictionary dict) : model_(std::move(model)), dict_(std::move(dict)) {}
  // UPOS tags (language::Upos) for a sentence's words: two greedy passes
  // from left to right, the second seeing the first's tags of the words
  // ahead (what a left-to-right tagger cannot know: "that" before a verb).
  std::vector<std::uint8_t> tag(std::span<const WordCodes> words) const;
  const learn::MulticlassModel& model() const { return model_; }
  const TagDictionary& dictionary() const { return dict_; }

  // The features of word i given the two tags before it (kUpos: none), the
  // words' ambiguity classes, and the first pass's tags of the words after
  // it (`ahead` empty on the first pass).
  static void features(std::span<const WordCodes> words, std::span<const std::uint32_t> classes, std::size_t i,
                       int prev, int prev2, std::span<const std::uint8_t> ahead, std::vector<std::uint64_t>& out);

 private:
  learn::MulticlassModel model_;
  TagDictionary dict_;
};

using TrainLog = std::function<void(const std::string&)>;

// Trains on `train` for `epochs` passes in a fixed shuffled order (the same
// model every time for the same data).
Tagger train_tagger(const std::vector<TreebankSentence>& train, int epochs, const TrainLog& log);

// A deterministic shuffle (Fisher-Yates over a fixed-seed 64-bit LCG), the
// same on every platform.
void shuffle_indices(std::vector<std::size_t>& order, std::uint64_t& state);
// The generator's next step; returns the new state's high bits.
std::uint64_t next_random(std::uint64_t& state);

}  // namespace claimtrail::language
