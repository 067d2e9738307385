// The language layer shipped with claimtrail (data/model/language.bin,
// trained on UD English EWT and GUM by `claimtrail train-language`), built
// into the binary.
#include "language/layer.hpp"
#include "util/incbin.hpp"

CLAIMTRAIL_INCBIN(claimtrail_language_model, CLAIMTRAIL_LANGUAGE_FILE)

namespace claimtrail::language {

std::string_view shipped_layer_bytes() { return claimtrail_language_model_bytes(); }

const Layer& shipped_layer() {
  static const Layer layer = Layer::parse(shipped_layer_bytes());
  return layer;
}

}  // namespace claimtrail::language
