// The dependency parser: a greedy arc-eager transition parser (Nivre 2003)
// scored by an averaged perceptron over the feature set of Zhang & Nivre
// (2011), trained with a dynamic oracle and exploration (Goldberg & Nivre
// 2012); then an arc labeller that names each arc from the finished tree
// (the dependent's and head's words and tags, the dependent's function-word
// children, the head's auxiliaries). Linear in the sentence: at most two
// transitions per word.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "language/tagger.hpp"
#include "language/treebank.hpp"
#include "language/words.hpp"
#include "learn/multiclass.hpp"

namespace claimtrail::language {

class Parser {
 public:
  Parser() = default;
  // `dict` is the tagger's: what each word can be, beside the tag it got.
  Parser(learn::MulticlassModel arcs, learn::MulticlassModel labels, std::vector<std::string> label_names,
         TagDictionary dict)
      : arcs_(std::move(arcs)),
        labels_(std::move(labels)),
        label_names_(std::move(label_names)),
        dict_(std::move(dict)) {}

  // Each word's head, 0-based; -1 for the root word(s).
  std::vector<int> heads(std::span<const WordCodes> words, std::span<const std::uint8_t> tags) const;
  // Each word's arc label (an index into label_names()).
  std::vector<std::uint16_t> labels(std::span<const WordCodes> words, std::span<const std::uint8_t> tags,
                                    std::span<const int> heads) const;
  // The label of one word's arc (what labels() gives it), reading only the
  // word's and its head's children: for callers that need a few.
  std::uint16_t label(std::span<const WordCodes> words, std::span<const std::uint8_t> tags, std::span<const int> heads,
                      int word) const;
  const std::vector<std::string>& label_names() const { return label_names_; }
  int label_of(std::string_view name) const;  // -1 when unknown
  const learn::MulticlassModel& arc_model() const { return arcs_; }
  const learn::MulticlassModel& label_model() const { return labels_; }

 private:
  learn::MulticlassModel arcs_, labels_;
  std::vector<std::string> label_names_;
  TagDictionary dict_;
};

// A sentence ready for parser training: its words, the tags the parser will
// see (the tagger's, so training matches use) and the gold tree.
struct ParserExample {
  std::vector<WordCodes> words;
  std::vector<std::uint8_t> tags;
  std::vector<int> heads;  // 0-based, -1 root
  std::vector<std::string> deprels;
};

Parser train_parser(const std::vector<ParserExample>& train, const TagDictionary& dict, int epochs,
                    const TrainLog& log);

}  // namespace claimtrail::language
