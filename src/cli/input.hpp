// Reading one article given on the command line, with the checks every
// command applies (SPEC section 5).
#pragma once

#include <map>
#include <string>

namespace claimtrail::cli {

struct Article {
  std::string name;  // the file name without directory and extension; "-" for stdin
  std::string text;  // the text the analysis runs on (after any front matter)
  std::map<std::string, std::string> meta;  // front-matter fields (outlet, url, published, ...)
};

// Reads and checks `path`: throws core::Error naming it for a missing file, a
// directory, binary data (a NUL byte) or invalid UTF-8 (with the byte offset).
// A front-matter block ("---", "key: value" lines, "---") is taken off the
// text into `meta`.
Article read_article(const std::string& path);

}  // namespace claimtrail::cli
