// Splitting on a one-character separator, keeping empty pieces (Python's
// str.split(sep)). The pieces view into `s`.
#pragma once

#include <string_view>
#include <vector>

namespace claimtrail::util {

template <class Char>
std::vector<std::basic_string_view<Char>> split(std::basic_string_view<Char> s, Char sep) {
  std::vector<std::basic_string_view<Char>> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = s.find(sep, from);
    if (at == std::basic_string_view<Char>::npos) {
      out.push_back(s.substr(from));
      return out;
    }
    out.push_back(s.substr(from, at - from));
    from = at + 1;
  }
}

}  // namespace claimtrail::util
