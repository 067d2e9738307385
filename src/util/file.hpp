// Reading whole inputs with errors a user can act on.
#pragma once

#include <cstddef>
#include <string>

namespace claimtrail::util {

// Largest input accepted by read_input(); larger ones are refused unread.
inline constexpr std::size_t kMaxInputBytes = 64u * 1024 * 1024;

// Reads a file ("-" means standard input) into memory. Throws core::Error
// naming `path` for a missing file, a directory, a read error or an input over
// kMaxInputBytes. Does not validate the content.
std::string read_input(const std::string& path);

}  // namespace claimtrail::util
