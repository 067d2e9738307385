#include "extract/extractor.hpp"

namespace claimtrail::extract {
struct Extractor::Impl {};
Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;
core::Analysis Extractor::analyse(std::string_view) const { return {}; }
}  // namespace claimtrail::extract
