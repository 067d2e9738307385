#include "html/page.hpp"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_set>
#include <vector>

#include "core/error.hpp"
#include "util/ascii.hpp"
#include "util/embedded.hpp"
#include "util/tsv.hpp"
#include "util/utf8.hpp"

namespace claimtrail::html {

namespace {

using nlohmann::json;

const std::unordered_set<std::string>& boilerplate_words() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> w;
    util::for_each_tsv_row(lexicon_data::get("html_boilerplate.tsv"),
                           [&](const auto& f) { w.insert(std::string(f[0])); });
    return w;
  }();
  return words;
}

std::string attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : "";
}

// Is the element page furniture by its tag, role, or class / id words?
bool furniture(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& e = n->v.element;
  switch (e.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      break;
  }
  const std::string role = util::ascii_lower(attr(e, "role"));
  if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
      role == "dialog" || role == "alert")
    return true;
  if (!attr(e, "hidden").empty() || attr(e, "aria-hidden") == "true") return true;
  const auto& words = boilerplate_words();
  for (const char* a : {"class", "id"}) {
    std::string v = util::ascii_lower(attr(e, a));
    std::string part;
    for (std::size_t i = 0; i <= v.size(); ++i) {
      const char c = i < v.size() ? v[i] : ' ';
      if (c == ' ' || c == '-' || c == '_' || c == '\t') {
        if (!part.empty() && words.count(part)) return true;
        part.clear();
      } else {
        part += c;
      }
    }
  }
  return false;
}

// The text of a node: entities decoded by the parser, <br> as a space,
// white space collapsed. `linked` counts the characters inside links.
void text_of(const GumboNode* n, std::string& out, std::size_t& linked, bool in_link) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    for (const char* p = n->v.text.text; *p; ++p) {
      const unsigned char c = static_cast<unsigned char>(*p);
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      // U+00A0 (0xC2 0xA0) is a space in copied story text too.
      if (c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0) {
        if (!out.empty() && out.back() != ' ') out += ' ';
        ++p;
        continue;
      }
      if (space) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += static_cast<char>(c);
        if (in_link) ++linked;
      }
    }
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = n->v.element;
  if (e.tag == GUMBO_TAG_BR) {
    if (!out.empty() && out.back() != ' ') out += ' ';
    return;
  }
  if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE || e.tag == GUMBO_TAG_SVG || e.tag == GUMBO_TAG_NOSCRIPT)
    return;
  for (unsigned i = 0; i < e.children.length; ++i)
    text_of(static_cast<const GumboNode*>(e.children.data[i]), out, linked, in_link || e.tag == GUMBO_TAG_A);
}

std::string trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

bool only_time(const GumboNode* p) {
  // A paragraph holding nothing but a <time> (a live blog's timestamp).
  const GumboElement& e = p->v.element;
  bool time = false;
  for (unsigned i = 0; i < e.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
    if (c->type == GUMBO_NODE_WHITESPACE) continue;
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_TIME)
      time = true;
    else
      return false;
  }
  return time;
}

// The story's paragraphs under `n`, in document order.
void paragraphs(const GumboNode* n, std::vector<std::string>& out) {
  if (n->type != GUMBO_NODE_ELEMENT || furniture(n)) return;
  const GumboElement& e = n->v.element;
  if (e.tag == GUMBO_TAG_P || e.tag == GUMBO_TAG_BLOCKQUOTE) {
    if (e.tag == GUMBO_TAG_P && only_time(n)) return;
    std::string t;
    std::size_t linked = 0;
    text_of(n, t, linked, false);
    t = trim(t);
    // Mostly link text: a teaser or a "read more", not the story.
    if (t.size() >= 2 && linked * 2 <= t.size()) out.push_back(t);
    if (e.tag == GUMBO_TAG_P) return;
  }
  for (unsigned i = 0; i < e.children.length; ++i) paragraphs(static_cast<const GumboNode*>(e.children.data[i]), out);
}

// Elements of a tag, depth first.
void collect(const GumboNode* n, GumboTag tag, std::vector<const GumboNode*>& out) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  if (n->v.element.tag == tag) out.push_back(n);
  for (unsigned i = 0; i < n->v.element.children.length; ++i)
    collect(static_cast<const GumboNode*>(n->v.element.children.data[i]), tag, out);
}

const GumboNode* find_first(const GumboNode* n, GumboTag tag) {
  std::vector<const GumboNode*> v;
  collect(n, tag, v);
  return v.empty() ? nullptr : v.front();
}

std::string date_part(const std::string& s) {
  // "2024-09-27T14:05:00Z" -> "2024-09-27": only when it starts with ten
  // ASCII bytes YYYY-MM-DD (not followed by another digit), so the cut never
  // splits a character.
  if (s.size() < 10 || (s.size() > 10 && util::is_ascii_digit(s[10]))) return "";
  for (std::size_t i = 0; i < 10; ++i)
    if (i == 4 || i == 7 ? s[i] != '-' : !util::is_ascii_digit(s[i])) return "";
  return s.substr(0, 10);
}

std::string name_of(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("name") && j["name"].is_string()) return j["name"].get<std::string>();
  if (j.is_array()) {
    std::string all;
    for (const auto& x : j) {
      const std::string n = name_of(x);
      if (!n.empty()) all += (all.empty() ? "" : ", ") + n;
    }
    return all;
  }
  return "";
}

// JSON-LD: the first news article object, also inside @graph or a list.
void find_article(const json& j, const json*& found) {
  if (found) return;
  if (j.is_array()) {
    for (const auto& x : j) find_article(x, found);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@type")) {
    std::vector<std::string> types;
    if (j["@type"].is_string()) types.push_back(j["@type"].get<std::string>());
    if (j["@type"].is_array())
      for (const auto& t : j["@type"])
        if (t.is_string()) types.push_back(t.get<std::string>());
    for (const auto& t : types)
      if (t.find("Article") != std::string::npos || t == "LiveBlogPosting" || t == "BlogPosting") {
        found = &j;
        return;
      }
  }
  if (j.contains("@graph")) find_article(j["@graph"], found);
}

// A byline on the page: an element marked as the author (itemprop, rel, or
// a class word "byline" / "author"), "By " taken off.
// First an explicit mark (itemprop or rel "author"), else a class word.
std::string byline_element(const GumboNode* n, bool by_class = false) {
  if (n->type != GUMBO_NODE_ELEMENT) return "";
  const GumboElement& e = n->v.element;
  if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE || e.tag == GUMBO_TAG_HEAD) return "";
  bool marked = attr(e, "itemprop") == "author" || util::ascii_lower(attr(e, "rel")) == "author";
  if (by_class) {
    std::string cls = util::ascii_lower(attr(e, "class"));
    for (char& c : cls)
      if (c == '-' || c == '_') c = ' ';
    cls = " " + cls + " ";
    marked = cls.find(" byline ") != std::string::npos || cls.find(" author ") != std::string::npos;
  }
  if (marked) {
    std::string t;
    std::size_t linked = 0;
    text_of(n, t, linked, false);
    t = trim(t);
    if (t.rfind("By ", 0) == 0 || t.rfind("by ", 0) == 0) t = t.substr(3);
    if (!t.empty() && t.size() < 100) return t;
  }
  for (unsigned i = 0; i < e.children.length; ++i) {
    std::string b = byline_element(static_cast<const GumboNode*>(e.children.data[i]), by_class);
    if (!b.empty()) return b;
  }
  return "";
}

}  // namespace

bool looks_like_html(std::string_view s) {
  std::size_t i = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  std::string head = util::ascii_lower(s.substr(i, 15));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 || head.rfind("<!--", 0) == 0;
}

Page read_page(std::string_view html, const std::string& name) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> doc(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  Page p;
  const GumboNode* root = doc->root;
  // Meta tags.
  std::vector<const GumboNode*> metas;
  collect(root, GUMBO_TAG_META, metas);
  std::string og_title, og_site, og_url, published, author, title;
  for (const GumboNode* m : metas) {
    const auto& e = m->v.element;
    const std::string key = util::ascii_lower(attr(e, "property").empty() ? attr(e, "name") : attr(e, "property"));
    const std::string content = attr(e, "content");
    if (key == "og:title" || key == "twitter:title") {
      if (og_title.empty()) og_title = content;
    } else if (key == "og:site_name" || key == "application-name") {
      if (og_site.empty()) og_site = content;
    } else if (key == "og:url")
      og_url = content;
    else if (key == "article:published_time" || key == "date" || key == "pubdate" || key == "dc.date") {
      if (published.empty()) published = date_part(content);
    } else if (key == "author" || key == "article:author") {
      // (article:author is often a profile URL, not a name.)
      if (author.empty() && content.rfind("http", 0) != 0) author = content;
    }
  }
  std::vector<const GumboNode*> links;
  collect(root, GUMBO_TAG_LINK, links);
  std::string canonical;
  for (const GumboNode* l : links)
    if (util::ascii_lower(attr(l->v.element, "rel")) == "canonical") canonical = attr(l->v.element, "href");
  if (const GumboNode* t = find_first(root, GUMBO_TAG_TITLE)) {
    std::size_t linked = 0;
    text_of(t, title, linked, false);
    title = trim(title);
  }
  // JSON-LD.
  std::vector<const GumboNode*> scripts;
  collect(root, GUMBO_TAG_SCRIPT, scripts);
  for (const GumboNode* s : scripts) {
    if (util::ascii_lower(attr(s->v.element, "type")) != "application/ld+json") continue;
    std::string text;
    for (unsigned i = 0; i < s->v.element.children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(s->v.element.children.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE)
        text += c->v.text.text;
    }
    const json j = json::parse(text, nullptr, false);
    const json* a = nullptr;
    find_article(j, a);
    if (!a) continue;
    if (p.headline.empty() && a->contains("headline") && (*a)["headline"].is_string()) p.headline = (*a)["headline"];
    if (p.published.empty() && a->contains("datePublished") && (*a)["datePublished"].is_string())
      p.published = date_part((*a)["datePublished"]);
    if (p.byline.empty() && a->contains("author")) p.byline = name_of((*a)["author"]);
    if (p.outlet.empty() && a->contains("publisher")) p.outlet = name_of((*a)["publisher"]);
    if (p.url.empty() && a->contains("url") && (*a)["url"].is_string()) p.url = (*a)["url"];
    if (p.url.empty() && a->contains("mainEntityOfPage")) {
      const json& m = (*a)["mainEntityOfPage"];
      if (m.is_string())
        p.url = m.get<std::string>();
      else if (m.is_object() && m.contains("@id") && m["@id"].is_string())
        p.url = m["@id"];
    }
  }
  // The rest from the tags, <time> and <title>.
  if (p.headline.empty()) p.headline = og_title;
  if (p.headline.empty()) {
    if (const GumboNode* h = find_first(root, GUMBO_TAG_H1)) {
      std::size_t linked = 0;
      text_of(h, p.headline, linked, false);
      p.headline = trim(p.headline);
    }
  }
  if (p.headline.empty()) p.headline = title.substr(0, title.find(" | "));
  if (p.outlet.empty()) p.outlet = og_site;
  if (p.outlet.empty() && title.find(" | ") != std::string::npos) p.outlet = title.substr(title.rfind(" | ") + 3);
  if (p.url.empty()) p.url = !canonical.empty() ? canonical : og_url;
  if (p.published.empty()) p.published = published;
  if (p.published.empty()) {
    std::vector<const GumboNode*> times;
    collect(root, GUMBO_TAG_TIME, times);
    for (const GumboNode* t : times) {
      const std::string d = date_part(attr(t->v.element, "datetime"));
      if (!d.empty()) {
        p.published = d;
        break;
      }
    }
  }
  if (p.byline.empty()) p.byline = author;
  if (p.byline.empty()) p.byline = byline_element(root);
  if (p.byline.empty()) p.byline = byline_element(root, true);
  // The story: the paragraphs of <article> (or of the element marked as the
  // article body, or <main>, or the whole body).
  const GumboNode* scope = nullptr;
  std::vector<const GumboNode*> all;
  collect(root, GUMBO_TAG_DIV, all);
  for (const GumboNode* d : all)
    if (attr(d->v.element, "itemprop") == "articleBody") scope = d;
  std::vector<const GumboNode*> articles;
  collect(root, GUMBO_TAG_ARTICLE, articles);
  if (!scope && !articles.empty()) {
    // The article with the most paragraph text.
    std::size_t best = 0;
    for (const GumboNode* a : articles) {
      std::vector<std::string> ps;
      paragraphs(a, ps);
      std::size_t n = 0;
      for (const auto& s : ps) n += s.size();
      if (n > best) {
        best = n;
        scope = a;
      }
    }
  }
  if (!scope) scope = find_first(root, GUMBO_TAG_MAIN);
  if (!scope) scope = find_first(root, GUMBO_TAG_BODY);
  std::vector<std::string> ps;
  if (scope) paragraphs(scope, ps);
  for (const auto& s : ps) p.body += (p.body.empty() ? "" : "\n\n") + s;
  if (p.body.empty()) throw core::Error(name, "no article text found in the page");
  // gumbo can decode a character reference past U+10FFFF ("&#33333331666;")
  // into a byte that is no UTF-8: what leaves here is always valid.
  for (std::string* f : {&p.headline, &p.byline, &p.published, &p.outlet, &p.url, &p.body})
    if (util::find_invalid_utf8(*f)) *f = util::to_valid_utf8(*f);
  return p;
}

}  // namespace claimtrail::html
