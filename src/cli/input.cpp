#include "cli/input.hpp"

#include <cstring>
#include <filesystem>

#include "article/front_matter.hpp"
#include "html/page.hpp"
#include "core/error.hpp"
#include "util/file.hpp"
#include "util/utf8.hpp"

namespace claimtrail::cli {

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

Article read_article(const std::string& path, InputKind kind) {
  Article a;
  a.text = util::read_input(path);
  a.name = path == "-" ? "-" : std::filesystem::path(path).stem().string();
  if (const void* nul = std::memchr(a.text.data(), '\0', a.text.size()))
    throw core::Error(path, "binary data (NUL byte at byte " +
                                std::to_string(static_cast<const char*>(nul) - a.text.data()) + ")");
  if (auto bad = util::find_invalid_utf8(a.text))
    throw core::Error(path, "invalid UTF-8 at byte " + std::to_string(*bad));
  const std::string ext = std::filesystem::path(path).extension().string();
  if (kind == InputKind::html ||
      (kind == InputKind::automatic && (ext == ".html" || ext == ".htm" || html::looks_like_html(a.text))))
    return article_from_html(a.text, path, a.name);
  const article::FrontMatter fm = article::read_front_matter(a.text);
  if (fm.present) {
    a.meta = fm.fields;
    a.text.erase(0, fm.body_offset);
  }
  return a;
}

}  // namespace claimtrail::cli
