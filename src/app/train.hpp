// The training pipeline of the attribution tagger (learn/ holds the
// perceptron alone): the extractor's features of a PolNeAR-style directory (the train
// split only: dev is for choices, the test split is never read).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "extract/extractor.hpp"
#include "learn/perceptron.hpp"

namespace claimtrail::app {

struct TrainOptions {
  int epochs = 8;
  bool use_rules = true;          // the rules' roles as features (the "both" mode)
  std::size_t limit = 0;          // articles to use, 0 for all (for quick checks)
  int min_count = 2;              // features seen fewer times are left out of the model
  std::uint32_t seed = 20261125;  // the order of sentences in each epoch
};

// Throws core::Error for a directory that is not PolNeAR-style or is named "test".
learn::Model train_tagger(const std::filesystem::path& dir, const TrainOptions& o, std::string* log = nullptr);

}  // namespace claimtrail::app
