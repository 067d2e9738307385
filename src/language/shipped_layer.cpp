// The language layer shipped with claimtrail (data/model/language.bin,
// trained on UD English EWT and GUM by `claimtrail train-language`), built
// into the binary.
#include "language/layer.hpp"

// The bytes of the model file, placed in read-only data by the assembler.
asm(".section .rodata\n"
    ".balign 16\n"
    ".global claimtrail_language_model_begin\n"
    "claimtrail_language_model_begin:\n"
    ".incbin \"" CLAIMTRAIL_LANGUAGE_FILE
    "\"\n"
    ".global claimtrail_language_model_end\n"
    "claimtrail_language_model_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char claimtrail_language_model_begin[];
extern "C" const char claimtrail_language_model_end[];

namespace claimtrail::language {

std::string_view shipped_layer_bytes() {
  return {claimtrail_language_model_begin,
          static_cast<std::size_t>(claimtrail_language_model_end - claimtrail_language_model_begin)};
}

const Layer& shipped_layer() {
  static const Layer layer = Layer::parse(shipped_layer_bytes());
  return layer;
}

}  // namespace claimtrail::language
