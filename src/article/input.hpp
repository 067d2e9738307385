// Reading one article given on the command line, with the checks every
// command applies (SPEC section 5).
#pragma once

#include <map>
#include <string>

namespace claimtrail::article {

struct Article {
  std::string name;                         // the file name without directory and extension; "-" for stdin
  std::string text;                         // the text the analysis runs on (after any front matter)
  std::map<std::string, std::string> meta;  // front-matter fields (outlet, url, published, ...)
};

// How to read an input: by its look (an .html/.htm name or an HTML start
// makes a saved web page), as plain text, or as HTML.
enum class InputKind { automatic, text, html };

// Reads and checks `path`: throws core::Error naming it for a missing file, a
// directory, binary data (a NUL byte), invalid UTF-8 (with the byte offset)
// or metadata check_metadata() refuses, or no text (check_text()).
// A front-matter block ("---", "key: value" lines, "---") is taken off the
// text into `meta`. A web page becomes its headline, a blank line and its
// story's paragraphs, with the page's metadata in `meta`.
Article read_article(const std::string& path, InputKind kind = InputKind::automatic);

// The article of a saved web page (`html`), named `where` in errors.
Article article_from_html(std::string_view html, const std::string& where, std::string name);

// Throws core::Error naming `where` when a metadata field of `a` (front
// matter, a JSON Lines record's fields, a page's metadata) is not valid
// UTF-8 or holds a NUL, or when an id it gives ("id" in `meta`) holds a
// control character. read_article() and read_item() call it.
void check_metadata(const Article& a, const std::string& where);

// Throws core::Error naming `where` when `a` has no text (nothing, or only
// white space, after any front matter; a page without a story): an empty
// file is an input error, not an article without attributions.
// read_article() and read_item() call it.
void check_text(const Article& a, const std::string& where);

// Throws core::Error naming `where` when `id` (an article's own id) is not
// valid UTF-8 or holds a control character (NUL, ESC, a line break, ...).
void check_id(std::string_view id, const std::string& where);

}  // namespace claimtrail::article
