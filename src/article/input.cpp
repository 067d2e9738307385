#include "article/input.hpp"

#include <cstring>
#include <filesystem>

#include "article/front_matter.hpp"
#include "core/error.hpp"
#include "html/page.hpp"
#include "util/file.hpp"
#include "util/printable.hpp"
#include "util/utf8.hpp"

namespace claimtrail::article {

Article article_from_html(std::string_view html, const std::string& where, std::string name) {
  const html::Page page = html::read_page(html, where);
  Article a;
  a.name = std::move(name);
  a.text = page.headline.empty() ? page.body + "\n" : page.headline + "\n\n" + page.body + "\n";
  if (!page.headline.empty()) a.meta["headline"] = page.headline;
  if (!page.outlet.empty()) a.meta["outlet"] = page.outlet;
  if (!page.url.empty()) a.meta["url"] = page.url;
  if (!page.published.empty()) a.meta["published"] = page.published;
  if (!page.byline.empty()) a.meta["byline"] = page.byline;
  return a;
}

void check_id(std::string_view id, const std::string& where) {
  if (const auto bad = util::find_invalid_utf8(id))
    throw core::Error(where, "id is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
  if (const auto bad = util::find_control(id))
    throw core::Error(where, "id holds a control character (byte " + std::to_string(*bad) + ")");
}

void check_text(const Article& a, const std::string& where) {
  if (a.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
    throw core::Error(where, "empty: no article text" + std::string(a.meta.empty() ? "" : " after its metadata"));
}

void check_metadata(const Article& a, const std::string& where) {
  for (const auto& [key, value] : a.meta) {
    if (const auto bad = util::find_invalid_utf8(value))
      throw core::Error(where, "\"" + key + "\" is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
    if (const auto nul = value.find('\0'); nul != std::string::npos)
      throw core::Error(where, "\"" + key + "\" holds a NUL character (byte " + std::to_string(nul) + ")");
  }
  if (const auto it = a.meta.find("id"); it != a.meta.end()) check_id(it->second, where);
  if (a.text.find('\0') != std::string::npos) throw core::Error(where, "binary data (a NUL character in the text)");
}

Article read_article(const std::string& path, InputKind kind) {
  Article a;
  a.text = util::read_input(path);
  a.name = path == "-" ? "-" : std::filesystem::path(path).stem().string();
  if (const void* nul = std::memchr(a.text.data(), '\0', a.text.size()))
    throw core::Error(
        path, "binary data (NUL byte at byte " + std::to_string(static_cast<const char*>(nul) - a.text.data()) + ")");
  if (auto bad = util::find_invalid_utf8(a.text))
    throw core::Error(path, "invalid UTF-8 at byte " + std::to_string(*bad));
  const std::string ext = std::filesystem::path(path).extension().string();
  if (kind == InputKind::html ||
      (kind == InputKind::automatic && (ext == ".html" || ext == ".htm" || html::looks_like_html(a.text)))) {
    Article page = article_from_html(a.text, path, a.name);
    check_metadata(page, path);
    check_text(page, path);
    return page;
  }
  const article::FrontMatter fm = article::read_front_matter(a.text);
  if (fm.present) {
    a.meta = fm.fields;
    a.text.erase(0, fm.body_offset);
  }
  check_metadata(a, path);
  check_text(a, path);
  return a;
}

}  // namespace claimtrail::article
