// Training and measuring the language layer on the Universal Dependencies
// treebanks of ../shared/corpora/ud (EWT and GUM): train on the train
// splits, choose on dev, report on test. The same treebanks and options give
// the same model file, byte for byte.
#pragma once

#include <filesystem>
#include <string>

#include "language/layer.hpp"

namespace claimtrail::app {

struct LanguageTrainingOptions {
  int tagger_epochs = 10;
  int parser_epochs = 12;
  int entity_epochs = 8;
  int folds = 4;  // the parser trains on tags from taggers that did not see the sentence (0: gold tags)
};

// Throws core::Error when a treebank is missing or malformed.
language::Layer train_language(const std::filesystem::path& ud_dir, const LanguageTrainingOptions& o,
                               const language::TrainLog& log);

struct LanguageFigures {
  std::string split;  // "test" or "dev"
  std::size_t tokens = 0;
  double upos = 0, uas = 0, las = 0, las_universal = 0;  // EWT, predicted tags
  std::size_t mentions = 0;                              // GUM person/organisation/place, pronouns excluded
  double entity_accuracy = 0, person_recall = 0, organization_recall = 0, place_recall = 0;
  double tag_tokens_per_s = 0, parse_tokens_per_s = 0;  // one core, tagging alone / tagging and parsing
};

// Scores `layer` on EWT's and GUM's `split` ("test" or "dev").
LanguageFigures evaluate_language(const language::Layer& layer, const std::filesystem::path& ud_dir,
                                  const std::string& split);

}  // namespace claimtrail::app
