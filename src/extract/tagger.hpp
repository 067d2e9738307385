// The learned attribution tagger inside the parser: token features (words,
// shapes, quotation state, the word tables, and what the rules found), a
// structured perceptron over each sentence, and the assembly of its source /
// cue / content spans into attributions.
#pragma once

#include <vector>

#include "extract/context.hpp"
#include "learn/perceptron.hpp"

namespace claimtrail::extract {

// One sentence: its tokens (indices into the document) and their features.
struct TaggedSentence {
  int first_tok = 0, end_tok = 0;
  learn::Features features;
};

// Features for every sentence of the article; with `use_rules`, the roles the
// rule parser gave each token (Context after find_attributions) are features too.
std::vector<TaggedSentence> tagger_features(const Context& ctx, bool use_rules);

// Replaces the rules' top-level attributions by the model's (keeping the
// rules' nested ones inside them).
void apply_tagger(Context& ctx, const learn::Model& model, bool use_rules);

}  // namespace claimtrail::extract
