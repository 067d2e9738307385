// Saved web pages: the reader never crashes, and what it takes out of a page
// (headline, byline, date, outlet, URL, story text) is valid UTF-8 when the
// page is; the story text then goes through the parser.
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "fuzz_common.hpp"
#include "html/page.hpp"

using namespace claimtrail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extract::Extractor rules;
  const std::string_view html = fuzz::bytes(data, size);
  if (!fuzz::valid_utf8(html)) return 0;
  html::looks_like_html(html);
  html::Page page;
  try {
    page = html::read_page(html, "fuzz.html");
  } catch (const core::Error&) {
    return 0;  // no story text: rejected with a message
  }
  for (const std::string* s : {&page.headline, &page.byline, &page.published, &page.outlet, &page.url, &page.body})
    if (!fuzz::valid_utf8(*s)) fuzz::fail("page field is not valid UTF-8: " + *s);
  if (!page.published.empty() && page.published.size() != 10 && page.published.size() != 7 &&
      page.published.size() != 4)
    fuzz::fail("published is not an ISO date: " + page.published);
  try {
    rules.analyse(page.body);
  } catch (const core::Error& e) {
    fuzz::fail(e.what());
  }
  return 0;
}
