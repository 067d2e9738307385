// Front matter and dates: the block reader never reads past the text, its
// fields are valid UTF-8 when the text is, and every date it or the text
// holds parses or is refused without a crash; found dates point at their text.
#include "article/dates.hpp"
#include "article/front_matter.hpp"
#include "fuzz_common.hpp"

using namespace claimtrail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::bytes(data, size);
  if (!fuzz::valid_utf8(text)) return 0;
  const article::FrontMatter fm = article::read_front_matter(text);
  if (fm.body_offset > text.size()) fuzz::fail("front matter body offset past the end");
  if (!fuzz::valid_utf8(text.substr(fm.body_offset))) fuzz::fail("front matter cut the text inside a character");
  for (const auto& [k, v] : fm.fields) {
    if (!fuzz::valid_utf8(k) || !fuzz::valid_utf8(v)) fuzz::fail("front matter field is not valid UTF-8");
    article::parse_iso_date(v);
    article::parse_date(v, article::Date{2024, 9, 6});
  }
  // The whole input as a date and as text holding dates, against a
  // publication date at either end of the calendar.
  for (const article::Date ref : {article::Date{2024, 9, 6}, article::Date{9999, 12, 31}, article::Date{1, 1, 1}}) {
    if (auto d = article::parse_date(text, ref); d && (d->year < 1 || d->year > 9999))
      fuzz::fail("date out of range: " + d->iso());
    for (const auto& m : article::find_dates(text, ref)) {
      if (m.span.start > m.span.end || m.span.end > text.size()) fuzz::fail("date span out of the text");
      if (text.substr(m.span.start, m.span.size()) != m.text) fuzz::fail("date span does not hold its text");
      if (m.value.valid() && (m.value.year < 1 || m.value.year > 9999))
        fuzz::fail("date out of range: " + m.value.iso());
    }
  }
  return 0;
}
