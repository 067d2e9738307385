#include "article/front_matter.hpp"

#include "util/ascii.hpp"

namespace claimtrail::article {

FrontMatter read_front_matter(std::string_view text) {
  FrontMatter fm;
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  auto next_line = [&](std::string_view& line) {
    if (pos >= text.size()) return false;
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    line = text.substr(pos, nl - pos);
    pos = nl + 1;
    return true;
  };
  std::string_view line;
  if (!next_line(line) || util::trim_blank(line) != "---") return {};
  constexpr int kMaxLines = 64;
  for (int n = 0; n < kMaxLines && next_line(line); ++n) {
    const std::string_view t = util::trim_blank(line);
    if (t == "---") {
      fm.present = true;
      fm.body_offset = std::min(pos, text.size());
      return fm;
    }
    if (t.empty() || t.front() == '#') continue;
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    std::string key = util::ascii_lower(util::trim_blank(t.substr(0, colon)));
    std::string_view value = util::trim_blank(t.substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    fm.fields[std::move(key)] = std::string(value);
  }
  return {};
}

}  // namespace claimtrail::article
