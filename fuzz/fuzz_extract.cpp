// The claim parser on any valid UTF-8 text, rules and both modes: it never
// crashes, every span is valid (start <= end, inside the text, on character
// boundaries), and the JSON and text renderings never throw.
#include <memory>

#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "fuzz_common.hpp"
#include "learn/shipped_model.hpp"
#include "report/analysis_render.hpp"

using namespace claimtrail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extract::Extractor rules;
  static const extract::Extractor both(learn::shipped_model(), extract::Mode::both);
  if (size == 0) return 0;
  // The first byte picks the mode; the rest is the article.
  const bool use_both = (data[0] & 1) != 0;
  const std::string_view text = fuzz::bytes(data + 1, size - 1);
  if (!fuzz::valid_utf8(text)) return 0;
  core::Analysis a;
  try {
    a = (use_both ? both : rules).analyse(text);
  } catch (const core::Error& e) {
    fuzz::fail(e.what());  // analyse() throws only on a broken span
  }
  if (auto bad = core::find_invalid_span(a, text)) fuzz::fail(*bad);
  const std::string json = report::to_json(a, text, "fuzz").dump();
  if (!fuzz::valid_utf8(json)) fuzz::fail("JSON output is not valid UTF-8");
  const std::string shown = report::to_text(a, text, "fuzz");
  if (!fuzz::valid_utf8(shown)) fuzz::fail("text output is not valid UTF-8");
  return 0;
}
