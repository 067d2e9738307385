// The tagger model shipped with claimtrail (data/model/tagger.bin, trained
// on the PolNeAR train split by `claimtrail train`), built into the binary.
#include "learn/shipped_model.hpp"

#include "util/incbin.hpp"

CLAIMTRAIL_INCBIN(claimtrail_shipped_model, CLAIMTRAIL_MODEL_FILE)

namespace claimtrail::learn {

std::string_view shipped_model_bytes() { return claimtrail_shipped_model_bytes(); }

std::shared_ptr<const Model> shipped_model() {
  static const std::shared_ptr<const Model> model = std::make_shared<const Model>(Model::parse(shipped_model_bytes()));
  return model;
}

}  // namespace claimtrail::learn
