// Stored claims survive a better parser: re-running extraction on stored
// articles and carrying verdicts, corrections and links over to the new
// claims that match the old ones (Store::replace_analysis).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/extractor.hpp"
#include "store/store.hpp"

namespace claimtrail::app {

struct ReextractResult {
  std::size_t articles = 0, old_claims = 0, new_claims = 0, carried = 0;
  // Old claims holding a verdict, a link or a correction that matched no new
  // claim: "article 3, claim 41: \"...\"".
  std::vector<std::string> not_carried;
};

// Every stored article, or only `article` (when stored); one transaction per
// article. `parser` names what produced the new claims.
ReextractResult reextract(store::Store& st, const extract::Extractor& ex, std::optional<std::int64_t> article,
                          const std::string& parser);

}  // namespace claimtrail::app
