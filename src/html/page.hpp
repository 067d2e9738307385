// Saved news pages: the metadata (headline, byline, date, outlet, canonical
// URL from og: and article: tags, JSON-LD NewsArticle, <time>, <title>) and
// the story's paragraphs, without navigation, captions, teasers, scripts,
// consent banners or paywalls. Parsed with gumbo (an HTML5 parser).
#pragma once

#include <string>
#include <string_view>

namespace claimtrail::html {

struct Page {
  std::string headline, byline, published, outlet, url;  // empty when the page does not say
  std::string body;                                      // the story: paragraphs separated by blank lines
};

// Does `bytes` look like an HTML document (a doctype or <html> first)?
bool looks_like_html(std::string_view bytes);

// Reads a page. Throws core::Error(name, ...) when no story text is found.
Page read_page(std::string_view html, const std::string& name);

}  // namespace claimtrail::html
