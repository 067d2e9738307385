// Entity types of noun phrases (person, organisation, place, and GUM's other
// types), an averaged perceptron over the phrase's words, its head, its
// context and its place in the parse, learned from GUM's entity layer.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "language/tagger.hpp"
#include "language/treebank.hpp"
#include "language/words.hpp"
#include "learn/multiclass.hpp"

namespace claimtrail::language {

// What the typer reads of a parsed sentence (all spans of the same length).
struct SentenceView {
  std::span<const std::string_view> text;  // the words as written
  std::span<const WordCodes> words;
  std::span<const std::uint8_t> tags;
  std::span<const int> heads;             // 0-based, -1 root
  std::span<const std::uint16_t> labels;  // indexes of label_names
  std::span<const std::string> label_names;
};

// A noun phrase: words [first, last] and its head word (0-based).
struct Phrase {
  int first = 0, last = 0, head = 0;
};

// What an article said so far: the types given to each head word, so that
// a later bare "Harrow" or "Smith" is read as its earlier, fuller mentions
// were ("one sense per discourse").
class DocumentMemory {
 public:
  void note(std::uint64_t head, int type);
  int likely(std::uint64_t head) const;  // -1: not seen
 private:
  std::unordered_map<std::uint64_t, std::array<std::uint16_t, kEntityTypes>> seen_;
};

class EntityTyper {
 public:
  EntityTyper() = default;
  explicit EntityTyper(learn::MulticlassModel model) : model_(std::move(model)) {}
  // The phrase's type (language::EntityType); with `memory`, read in the
  // light of the article so far, and noted there.
  int type(const SentenceView& s, const Phrase& p, DocumentMemory* memory = nullptr) const;
  // Scores per type (kEntityTypes of them).
  void scores(const SentenceView& s, const Phrase& p, const DocumentMemory* memory, float* out) const;
  const learn::MulticlassModel& model() const { return model_; }
  bool empty() const { return model_.classes() == 0; }

  static void features(const SentenceView& s, const Phrase& p, const DocumentMemory* memory,
                       std::vector<std::uint64_t>& out);

 private:
  learn::MulticlassModel model_;
};

// The head of a treebank mention: the word of its minimal span (else of the
// whole mention) whose head lies outside it.
int mention_head(const Mention& m, std::span<const int> heads);

struct EntityExample {
  std::string doc;  // sentences of one document are consecutive
  std::vector<std::string> text;
  std::vector<WordCodes> words;
  std::vector<std::uint8_t> tags;
  std::vector<int> heads;
  std::vector<std::uint16_t> labels;
  std::vector<std::pair<Phrase, int>> phrases;  // with their gold type
};

EntityTyper train_entity_typer(const std::vector<EntityExample>& train, std::span<const std::string> label_names,
                               int epochs, const TrainLog& log);

}  // namespace claimtrail::language
