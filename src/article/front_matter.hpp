// Article metadata given with the text: an optional front-matter block
// ("---", then "key: value" lines, then "---") before the article.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace claimtrail::article {

struct FrontMatter {
  std::map<std::string, std::string> fields;  // keys lower-cased: outlet, url, published, headline, ...
  std::size_t body_offset = 0;                // where the article text starts
  bool present = false;
};

// Reads a front-matter block at the start of `text` (after an optional BOM).
// Without one, returns an empty block whose body starts at 0. A block that
// never closes, or holds a line that is not "key: value", is not front
// matter: the text is then taken as it is.
FrontMatter read_front_matter(std::string_view text);

}  // namespace claimtrail::article
