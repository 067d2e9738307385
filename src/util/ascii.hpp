// ASCII-only string helpers (non-ASCII bytes pass through unchanged).
#pragma once

#include <string>
#include <string_view>

namespace claimtrail::util {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alnum(char c) {
  return is_ascii_upper(c) || is_ascii_lower(c) || is_ascii_digit(c);
}

}  // namespace claimtrail::util
