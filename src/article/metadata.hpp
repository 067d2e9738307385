// What an article says about itself, decided in one place: the metadata of
// its front matter, its web page or its JSON-lines record, under the keys
// and aliases every command accepts, with values given on the command line
// taking precedence.
#pragma once

#include <string>

#include "article/input.hpp"

namespace claimtrail::article {

struct Metadata {
  std::string id;         // front matter / record "id"
  std::string outlet;     // "outlet", "publisher", "source"
  std::string url;        // "url", "canonical"
  std::string headline;   // "headline", "title"
  std::string published;  // "published", "date": ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or empty
  std::string byline;     // "byline", "author"
};

// The metadata of `a`; a non-empty field of `given` (the command line's
// --id, --outlet, ...) wins over the article's own. A publication date that
// is not a date throws core::Error naming `where`.
Metadata metadata_of(const Article& a, const std::string& where, const Metadata& given = {});

}  // namespace claimtrail::article
