#include "cli/input.hpp"

#include <cstring>
#include <filesystem>

#include "article/front_matter.hpp"
#include "core/error.hpp"
#include "util/file.hpp"
#include "util/utf8.hpp"

namespace claimtrail::cli {

Article read_article(const std::string& path) {
  Article a;
  a.text = util::read_input(path);
  a.name = path == "-" ? "-" : std::filesystem::path(path).stem().string();
  if (const void* nul = std::memchr(a.text.data(), '\0', a.text.size()))
    throw core::Error(path, "binary data (NUL byte at byte " +
                                std::to_string(static_cast<const char*>(nul) - a.text.data()) + ")");
  if (auto bad = util::find_invalid_utf8(a.text))
    throw core::Error(path, "invalid UTF-8 at byte " + std::to_string(*bad));
  const article::FrontMatter fm = article::read_front_matter(a.text);
  if (fm.present) {
    a.meta = fm.fields;
    a.text.erase(0, fm.body_offset);
  }
  return a;
}

}  // namespace claimtrail::cli
