// Access to the data files compiled into the binary (data/lexicon/*.tsv).
#pragma once
#include <string_view>

namespace claimtrail::lexicon_data {
// The bytes of the embedded file `name` (e.g. "cues.tsv"); empty when unknown.
std::string_view get(std::string_view name);
}  // namespace claimtrail::lexicon_data
