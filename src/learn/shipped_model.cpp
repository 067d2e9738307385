// The tagger model shipped with claimtrail (data/model/tagger.bin, trained
// on the PolNeAR train split by `claimtrail train`), built into the binary.
#include "learn/shipped_model.hpp"

// The bytes of the model file, placed in read-only data by the assembler.
asm(".section .rodata\n"
    ".balign 16\n"
    ".global claimtrail_shipped_model_begin\n"
    "claimtrail_shipped_model_begin:\n"
    ".incbin \"" CLAIMTRAIL_MODEL_FILE
    "\"\n"
    ".global claimtrail_shipped_model_end\n"
    "claimtrail_shipped_model_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char claimtrail_shipped_model_begin[];
extern "C" const char claimtrail_shipped_model_end[];

namespace claimtrail::learn {

std::string_view shipped_model_bytes() {
  return {claimtrail_shipped_model_begin,
          static_cast<std::size_t>(claimtrail_shipped_model_end - claimtrail_shipped_model_begin)};
}

std::shared_ptr<const Model> shipped_model() {
  static const std::shared_ptr<const Model> model = std::make_shared<const Model>(Model::parse(shipped_model_bytes()));
  return model;
}

}  // namespace claimtrail::learn
