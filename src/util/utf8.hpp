// UTF-8 helpers. Nothing here knows about news articles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrail::util {

// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate, out of
// range, truncated), or nullopt when `s` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// `s` with each byte that does not belong to a valid UTF-8 sequence replaced
// by U+FFFD (the replacement character).
std::string to_valid_utf8(std::string_view s);

// Decodes the code point starting at s[i] (s must be valid UTF-8) and
// stores its length in *len.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t* len);

// The code point ending just before s[i] (i > 0), with its length in *len.
char32_t decode_before(std::string_view s, std::size_t i, std::size_t* len);

// Appends the UTF-8 encoding of c to out.
void append_utf8(std::string& out, char32_t c);

// The UTF-8 encoding of a code-point string.
std::string to_utf8(std::u32string_view s);

// Maps byte offsets to code-point offsets for one text. Built once, O(n).
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view s);
  // Code-point offset of byte offset b (b may be s.size()); a b inside a
  // multibyte sequence maps to the code point that contains it.
  std::size_t to_codepoint(std::size_t b) const;
  // Byte offset of code-point offset c (c may be the code-point length).
  std::size_t to_byte(std::size_t c) const;
  std::size_t codepoints() const { return cp_to_byte_.size() - 1; }

 private:
  std::vector<std::uint32_t> byte_to_cp_;
  std::vector<std::uint32_t> cp_to_byte_;
};

}  // namespace claimtrail::util
