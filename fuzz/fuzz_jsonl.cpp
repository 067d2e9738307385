// JSON Lines records: any line is an article or one error naming it, never
// a crash; an accepted article's text, id and metadata are valid UTF-8 with
// no NUL, and its text goes through the parser.
#include "article/batch.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "fuzz_common.hpp"

using namespace claimtrail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extract::Extractor rules;
  article::Article a;
  try {
    a = article::article_from_record(fuzz::bytes(data, size), "fuzz.jsonl:1", 1);
  } catch (const core::Error& e) {
    if (std::string_view(e.what()).find("fuzz.jsonl:1") == std::string_view::npos)
      fuzz::fail(std::string("error does not name the record: ") + e.what());
    return 0;
  }
  if (!fuzz::valid_utf8(a.text) || !fuzz::valid_utf8(a.name)) fuzz::fail("accepted text or id is not valid UTF-8");
  if (a.text.find('\0') != std::string::npos || a.name.find('\0') != std::string::npos)
    fuzz::fail("accepted text or id holds a NUL");
  for (const auto& [k, v] : a.meta)
    if (!fuzz::valid_utf8(v) || v.find('\0') != std::string::npos) fuzz::fail("accepted metadata " + k + " is unsafe");
  try {
    rules.analyse(a.text);
  } catch (const core::Error& e) {
    fuzz::fail(e.what());
  }
  return 0;
}
