// What every fuzz harness shares: a crash on a broken invariant that names
// it, and the UTF-8 gate (the library's inputs are checked as UTF-8 at the
// boundary, so the harnesses feed only valid text beyond that gate).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "util/utf8.hpp"

namespace claimtrail::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline bool valid_utf8(std::string_view s) { return !util::find_invalid_utf8(s); }

}  // namespace claimtrail::fuzz
