// The claim parser's entry point: text in, core::Analysis out.
#pragma once

#include <memory>
#include <string_view>

#include "core/analysis.hpp"

namespace claimtrail::extract {

// Compiles the word tables and patterns once; analyse() is then const and
// thread-safe. Construction is the expensive part: build one and reuse it.
class Extractor {
 public:
  Extractor();
  ~Extractor();
  Extractor(const Extractor&) = delete;  // owns compiled patterns; share by reference
  Extractor& operator=(const Extractor&) = delete;

  // Analyses one article. `text` must be valid UTF-8 (see util::validate_utf8);
  // every span in the result lies inside it.
  core::Analysis analyse(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimtrail::extract
