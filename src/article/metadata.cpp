#include "article/metadata.hpp"

#include <initializer_list>

#include "article/dates.hpp"
#include "core/error.hpp"

namespace claimtrail::article {

namespace {

// The first non-empty value under one of `keys` (a field and its aliases).
std::string first_of(const Article& a, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (auto it = a.meta.find(k); it != a.meta.end() && !it->second.empty()) return it->second;
  return {};
}

}  // namespace

Metadata metadata_of(const Article& a, const std::string& where, const Metadata& given) {
  Metadata m;
  auto pick = [](const std::string& flag, std::string own) { return flag.empty() ? own : flag; };
  m.id = pick(given.id, first_of(a, {"id"}));
  m.outlet = pick(given.outlet, first_of(a, {"outlet", "publisher", "source"}));
  m.url = pick(given.url, first_of(a, {"url", "canonical"}));
  m.headline = pick(given.headline, first_of(a, {"headline", "title"}));
  m.published = pick(given.published, first_of(a, {"published", "date"}));
  m.byline = pick(given.byline, first_of(a, {"byline", "author"}));
  if (!m.published.empty()) {
    const auto d = parse_date(m.published);
    if (!d) throw core::Error(where, "unreadable publication date '" + m.published + "' (use YYYY-MM-DD)");
    m.published = d->iso();
  }
  return m;
}

}  // namespace claimtrail::article
