#include <doctest/doctest.h>

#include <string>

#include "util/utf8.hpp"

using claimtrail::util::CodepointIndex;
using claimtrail::util::find_invalid_utf8;

TEST_SUITE("util::utf8") {
  TEST_CASE("valid text has no invalid byte") {
    CHECK_FALSE(find_invalid_utf8("").has_value());
    CHECK_FALSE(find_invalid_utf8("plain ascii that is longer than eight bytes").has_value());
    CHECK_FALSE(find_invalid_utf8("\xE2\x80\x9C"
                                  "quoted"
                                  "\xE2\x80\x9D \xC2\xA0 \xF0\x9F\x98\x80")
                    .has_value());
  }
  TEST_CASE("invalid sequences are found at their first byte") {
    CHECK(find_invalid_utf8("abc\xFFxyz") == 3u);
    CHECK(find_invalid_utf8("0123456789\xC0\xAF") == 10u);  // overlong
    CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2u);       // surrogate
    CHECK(find_invalid_utf8("abcd\xE2\x80") == 4u);         // truncated
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);     // above U+10FFFF
  }
  TEST_CASE("byte and code point offsets convert both ways") {
    const std::string s =
        "a\xE2\x80\x9C"
        "b\xC2\xA0"
        "c";  // a “ b NBSP c
    CodepointIndex idx(s);
    CHECK(idx.codepoints() == 5);
    CHECK(idx.to_codepoint(0) == 0);
    CHECK(idx.to_codepoint(1) == 1);
    CHECK(idx.to_codepoint(4) == 2);
    CHECK(idx.to_codepoint(5) == 3);
    CHECK(idx.to_codepoint(7) == 4);
    CHECK(idx.to_codepoint(s.size()) == 5);
    for (std::size_t c = 0; c <= idx.codepoints(); ++c) CHECK(idx.to_codepoint(idx.to_byte(c)) == c);
  }
}
