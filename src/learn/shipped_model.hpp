// The tagger model built into the binary.
#pragma once

#include <memory>
#include <string_view>

#include "learn/perceptron.hpp"

namespace claimtrail::learn {

std::string_view shipped_model_bytes();
// Parsed once, on first use (a few milliseconds).
std::shared_ptr<const Model> shipped_model();

}  // namespace claimtrail::learn
