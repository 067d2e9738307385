// The HTML report: one self-contained page (no network, no external assets)
// with the article text, every attribution highlighted by its source's
// category, details on hover and click, a legend and the profile as an
// inline SVG chart. Every piece of article text is escaped.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/categories.hpp"
#include "report/analysis_render.hpp"
#include "report/render.hpp"
#include "store/json_columns.hpp"
#include "util/printable.hpp"

namespace claimtrail::report {

using core::span_text;
using core::spans_json;
using util::shorten;

namespace {

using nlohmann::json;

struct Category {
  std::string_view key;
  std::string_view label;
  std::string_view color;  // the highlight's base colour
};

// The source categories (core/categories.hpp) and unattributed claims, in
// the order the legend lists them.
const std::vector<Category>& highlight_categories() {
  static const std::vector<Category> all = [] {
    std::vector<Category> v;
    for (const auto& f : core::categories()) v.push_back({f.name, f.label, f.colour});
    v.push_back({"unattributed", "Unattributed claim", "#827717"});
    return v;
  }();
  return all;
}

std::string esc(std::string_view raw) {
  const std::string s = util::printable(raw);  // no raw control characters, valid UTF-8
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string category_of(const store::ClaimRecord& c) {
  if (c.kind == "unattributed") return "unattributed";
  if (!has_source(c)) return "none";  // as the profile counts it
  return c.category.empty() ? "unresolved" : c.category;
}

// An element to wrap around [start, end) of the text.
struct Mark {
  std::size_t start = 0, end = 0;
  std::string open, close;
  int order = 0;  // among marks starting together: content before source and cue
};

// The spans of a span column that start inside the text, cut at its end.
core::Spans spans_of(const std::string& column, std::size_t limit) {
  core::Spans out;
  for (core::Span sp : store::parse_spans(column)) {
    sp.end = std::min(sp.end, limit);
    if (sp.start < sp.end) out.push_back(sp);
  }
  return out;
}

// The article text with the marks applied; marks that would cross an
// enclosing one are cut at its end, so the elements always nest.
std::string highlight(const std::string& text, std::vector<Mark> marks, bool line_paragraphs) {
  // Each line is a paragraph in a text without blank lines: space them out.
  auto esc_text = [&](std::string_view s) {
    std::string e = esc(s);
    if (!line_paragraphs) return e;
    std::string o;
    for (char c : e) {
      o += c;
      if (c == '\n') o += '\n';
    }
    return o;
  };
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.order < b.order;
  });
  std::string out;
  std::vector<const Mark*> open;
  std::vector<std::size_t> ends;
  std::size_t pos = 0;
  auto close_until = [&](std::size_t at) {
    while (!ends.empty() && ends.back() <= at) {
      out += esc_text(std::string_view(text).substr(pos, ends.back() - pos));
      pos = ends.back();
      out += open.back()->close;
      open.pop_back();
      ends.pop_back();
    }
  };
  for (const Mark& m : marks) {
    close_until(m.start);
    if (m.start < pos) continue;  // overlaps a closed region
    out += esc_text(std::string_view(text).substr(pos, m.start - pos));
    pos = m.start;
    std::size_t end = m.end;
    if (!ends.empty()) end = std::min(end, ends.back());
    if (end <= m.start) continue;
    out += m.open;
    open.push_back(&m);
    ends.push_back(end);
  }
  close_until(text.size());
  out += esc_text(std::string_view(text).substr(pos));
  return out;
}

std::string bar_chart(const ArticleReport& r) {
  // Statements by category, and the anonymous share, as horizontal bars.
  int max = 1;
  for (const auto& [k, v] : r.by_category) max = std::max(max, v);
  std::ostringstream svg;
  const int rows = static_cast<int>(r.by_category.size()) + 1;
  const int h = 26 * rows + 10;
  svg << "<svg class=\"chart\" viewBox=\"0 0 360 " << h
      << "\" role=\"img\" aria-label=\"Statements by source category\">";
  int y = 6;
  for (const auto& c : highlight_categories()) {
    auto it = r.by_category.find(std::string(c.key));
    if (it == r.by_category.end()) continue;
    const int w = 180 * it->second / max;
    svg << "<text x=\"0\" y=\"" << y + 14 << "\" class=\"lbl\">" << c.label << "</text>"
        << "<rect x=\"150\" y=\"" << y << "\" width=\"" << std::max(w, 2) << "\" height=\"18\" rx=\"3\" fill=\""
        << c.color << "\"/><text x=\"" << 156 + w << "\" y=\"" << y + 14 << "\" class=\"num\">" << it->second
        << "</text>";
    y += 26;
  }
  if (r.by_category.count("none")) {
    const int w = 180 * r.by_category.at("none") / max;
    svg << "<text x=\"0\" y=\"" << y + 14 << "\" class=\"lbl\">No source</text><rect x=\"150\" y=\"" << y
        << "\" width=\"" << std::max(w, 2) << "\" height=\"18\" rx=\"3\" fill=\"#9e9e9e\"/><text x=\"" << 156 + w
        << "\" y=\"" << y + 14 << "\" class=\"num\">" << r.by_category.at("none") << "</text>";
    y += 26;
  }
  const int anon = static_cast<int>(180 * r.anonymous_share + 0.5);
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f%%", 100 * r.anonymous_share);
  svg << "<text x=\"0\" y=\"" << y + 14 << "\" class=\"lbl\">Anonymous share</text><rect x=\"150\" y=\"" << y
      << "\" width=\"180\" height=\"18\" rx=\"3\" fill=\"#e0e0e0\"/><rect x=\"150\" y=\"" << y << "\" width=\"" << anon
      << "\" height=\"18\" rx=\"3\" fill=\"#c62828\"/><text x=\"" << 156 + anon << "\" y=\"" << y + 14
      << "\" class=\"num\">" << pct << "</text></svg>";
  return svg.str();
}

constexpr const char* kStyle = R"CSS(
:root{--ink:#1c1c1c;--muted:#5f6368;--line:#e3e3e3;--bg:#fafaf7}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);background:var(--bg)}
header{padding:28px 32px 18px;border-bottom:1px solid var(--line);background:#fff}
header .kicker{font:600 12px/1.2 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
h1{font-size:28px;line-height:1.2;margin:6px 0 8px}
.meta{font:14px system-ui,sans-serif;color:var(--muted);margin:0}
main{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:28px;padding:24px 32px;max-width:1280px;margin:0 auto}
section,aside{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;min-width:0}
h2{font:700 13px/1.2 system-ui,sans-serif;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin:0 0 12px}
.text{white-space:pre-wrap;font-size:17px;overflow-wrap:anywhere}
.text.lines{line-height:1.6}
mark.claim{background:color-mix(in srgb,var(--c) 14%,white);border-bottom:2px solid var(--c);padding:1px 0;cursor:pointer;color:inherit;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.claim:hover,mark.claim.on{background:color-mix(in srgb,var(--c) 32%,white)}
mark.nonresp{background:none;border:1px dashed #b42318;border-radius:3px;padding:0 2px;color:inherit}
main.single{grid-template-columns:minmax(0,1fr)}
small.evidence{display:block;color:var(--muted)}
.src{font-weight:700;text-decoration:underline dotted;text-underline-offset:3px}
.cue{font-style:italic;color:var(--muted)}
.stats{display:grid;grid-template-columns:repeat(2,1fr);gap:10px;margin-bottom:14px}
.stat{border:1px solid var(--line);border-radius:6px;padding:8px 10px;font-family:system-ui,sans-serif}
.stat b{display:block;font-size:24px}
.stat span{font-size:12px;color:var(--muted)}
.chart{width:100%;height:auto;font-family:system-ui,sans-serif}
.chart .lbl{font-size:12px;fill:#333}.chart .num{font-size:12px;fill:#333;font-weight:600}
.legend{list-style:none;padding:0;margin:12px 0 0;font:13px system-ui,sans-serif;display:flex;flex-wrap:wrap;gap:6px 14px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;background:var(--c);margin-right:6px;vertical-align:-1px}
#detail{font:14px/1.45 system-ui,sans-serif;margin-top:18px}
#detail dt{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em;margin-top:8px}
#detail dd{margin:2px 0 0}
table{width:100%;border-collapse:collapse;font:14px/1.4 system-ui,sans-serif}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.pill{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;background:#eee}
.st-confirmed{background:#e8f5e9;color:#1b5e20}.st-contradicted{background:#ffebee;color:#b71c1c}
.st-updated{background:#fff8e1;color:#8d6e00}.st-corroborated{background:#e3f2fd;color:#0d47a1}
.wide{grid-column:1/-1}
aside{position:sticky;top:16px;align-self:start}
ul.plain{margin:0;padding-left:18px;font:14px/1.5 system-ui,sans-serif}
@media (max-width:820px){main{grid-template-columns:1fr;padding:14px;gap:14px}header{padding:18px 16px}h1{font-size:23px}
aside{order:-1;position:static}
section,aside{padding:14px 14px}.text{font-size:16px}.hide-narrow{display:none}}
)CSS";

constexpr const char* kScript = R"JS(
(function(){var d=document.getElementById('detail');var last=null;
function show(m){if(last)last.classList.remove('on');last=m;m.classList.add('on');
var f=['kind','source','category','cue','status','verdict','hedges'];var h='<dl>';
f.forEach(function(k){var v=m.getAttribute('data-'+k);if(v){h+='<dt>'+k+'</dt><dd></dd>';}});h+='</dl>';d.innerHTML=h;
var dds=d.querySelectorAll('dd');var i=0;f.forEach(function(k){var v=m.getAttribute('data-'+k);if(v){dds[i++].textContent=v;}});}
document.querySelectorAll('mark.claim').forEach(function(m){m.addEventListener('click',function(){show(m);});});})();
)JS";

}  // namespace

std::string to_html(const ArticleReport& r) {
  const auto& a = r.article;
  const std::string& text = a.text;
  std::vector<Mark> marks;
  auto add_claim = [&](const ClaimEntry& e) {
    const auto& c = e.claim;
    const std::string cat = category_of(c);
    std::string color(core::facts(core::SourceCategory::unresolved).colour);
    for (const auto& k : highlight_categories())
      if (cat == k.key) color = std::string(k.color);
    const std::string hedges = hedges_of(c);
    std::string title =
        (!has_source(c) ? std::string(kNoSource) : c.source_text + " (" + cat + ")") + " · status: " + c.status;
    std::string open = "<mark class=\"claim cat-" + cat + "\" style=\"--c:" + color + "\" data-claim=\"" +
                       std::to_string(c.id) + "\" data-kind=\"" + esc(c.kind) + "\" data-source=\"" +
                       esc(!has_source(c) ? std::string(kNoSource) : c.source_text) + "\" data-category=\"" + esc(cat) +
                       "\" data-cue=\"" + esc(c.cue) + "\" data-status=\"" + esc(c.status) +
                       (c.verdict.empty() ? "" : "\" data-verdict=\"" + esc(c.verdict)) +
                       (hedges.empty() ? "" : "\" data-hedges=\"" + esc(hedges)) + "\" title=\"" + esc(title) + "\">";
    for (const auto& [b, e2] : spans_of(c.spans, text.size())) marks.push_back({b, e2, open, "</mark>", 0});
    for (const auto& [b, e2] : spans_of(c.source_spans, text.size()))
      marks.push_back({b, e2, "<span class=\"src\" title=\"" + esc(title) + "\">", "</span>", 1});
    for (const auto& [b, e2] : spans_of(c.cue_spans, text.size()))
      marks.push_back({b, e2, "<span class=\"cue\">", "</span>", 2});
  };
  for (const auto& e : r.claims) add_claim(e);
  for (const auto& e : r.unattributed) add_claim(e);
  // Non-responses stand out in the text too: who did not answer is part of
  // how a story is sourced.
  for (const auto& n : r.non_responses) {
    const std::string title = (n.who.empty() ? std::string("Someone") : n.who) + ": " + n.kind;
    for (const auto& [b, e2] : spans_of(n.spans, text.size()))
      marks.push_back({b, e2, "<mark class=\"nonresp\" title=\"" + esc(title) + "\">", "</mark>", 0});
  }

  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<title>Attribution report: " << esc(a.headline.empty() ? a.doc : a.headline) << "</title><style>" << kStyle
      << "</style></head><body>\n";
  out << "<header><div class=\"kicker\">Attribution report · claimtrail</div><h1>"
      << esc(a.headline.empty() ? a.doc : a.headline) << "</h1><p class=\"meta\">"
      << esc(a.outlet.empty() ? "Outlet unknown" : a.outlet) << " · "
      << esc(a.published.empty() ? "date unknown" : a.published) << " · article " << a.id << "</p></header>\n<main>\n";
  // The article.
  const bool line_paragraphs = text.find("\n\n") == std::string::npos && text.find("\r\n\r\n") == std::string::npos;
  out << "<section><h2>The article, attributions highlighted</h2><div class=\"text\">"
      << highlight(text, marks, line_paragraphs) << "</div></section>\n";
  // The profile beside it.
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f%%", 100 * r.anonymous_share);
  out << "<aside><h2>Attribution profile</h2><div class=\"stats\">"
      << "<div class=\"stat\"><b>" << r.statements << "</b><span>attributed statements</span></div>"
      << "<div class=\"stat\"><b>" << pct << "</b><span>rest on anonymous sources</span></div>"
      << "<div class=\"stat\"><b>" << r.named_sources << " / " << r.document_sources << " / " << r.unnamed_sources
      << "</b><span>named / documents / unnamed sources</span></div>"
      << "<div class=\"stat\"><b>" << r.non_responses.size() << "</b><span>non-responses</span></div></div>"
      << bar_chart(r) << "<ul class=\"legend\">";
  for (const auto& c : highlight_categories())
    out << "<li class=\"cat-" << c.key << "\" style=\"--c:" << c.color << "\"><i></i>" << c.label << "</li>";
  out << "</ul><div id=\"detail\"><p>Click a highlighted statement for its source, cue and status.</p></div></aside>\n";
  // Sources and non-responses.
  out << "<section class=\"wide\"><h2>Sources</h2><table><tr><th>Source</th><th>Category</th><th>Statements</th>"
         "<th class=\"hide-narrow\">Why anonymous</th></tr>";
  for (const auto& s : r.sources)
    out << "<tr><td>" << esc(util::shorten(s.name, 110)) << "</td><td>" << esc(s.category) << "</td><td>"
        << s.statements << "</td><td class=\"hide-narrow\">"
        << esc(s.anonymous ? (s.reason.empty() ? "none given" : s.reason) : "") << "</td></tr>";
  out << "</table>";
  if (!r.non_responses.empty()) {
    out << "<h2 style=\"margin-top:16px\">Non-responses</h2><ul class=\"plain\">";
    for (const auto& n : r.non_responses)
      out << "<li><b>" << esc(n.who.empty() ? "Someone" : n.who) << "</b> " << esc(n.text) << "</li>";
    out << "</ul>";
  }
  out << "</section>\n";
  // Claims with their status.
  out << "<section class=\"wide\"><h2>Claims and where they stand</h2><table><tr><th>#</th><th>Statement</th>"
         "<th class=\"hide-narrow\">Source</th><th>Status</th></tr>";
  for (const auto* list : {&r.claims, &r.unattributed})
    for (const auto& e : *list) {
      const auto& c = e.claim;
      out << "<tr><td>" << c.id << "</td><td>" << esc(util::shorten(c.text, 160));
      // Every piece of evidence, the deciding one first.
      for (const auto& l : e.links) out << "<small class=\"evidence\">" << esc(evidence_line(l)) << "</small>";
      out << "</td><td class=\"hide-narrow\">"
          << esc(!has_source(c) ? std::string(kNoSource) : util::shorten(c.source_text, 60) + " · " + category_of(c))
          << "</td><td><span class=\"pill st-" << esc(c.status) << "\">" << esc(c.status) << "</span>"
          << (c.overdue ? "<br><small>overdue</small>" : "")
          << (c.verdict.empty() ? "" : "<br><small>verdict: " + esc(c.verdict) + "</small>") << "</td></tr>";
    }
  out << "</table></section>\n</main>\n<script>" << kScript << "</script>\n</body></html>\n";
  return out.str();
}

std::string to_html(const ThreadReport& t) {
  const auto& a = t.first.article;
  const std::string title = a.headline.empty() ? a.doc : a.headline;
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<title>Story thread: " << esc(title) << "</title><style>" << kStyle << "</style></head><body>\n";
  out << "<header><div class=\"kicker\">Story thread · claimtrail</div><h1>" << esc(title) << "</h1><p class=\"meta\">"
      << t.articles.size() << " articles, from " << esc(a.published.empty() ? "an undated article" : a.published)
      << " · article " << a.id << "</p></header>\n<main class=\"single\">\n";
  out << "<section class=\"wide\"><h2>Articles, in order</h2><table><tr><th>Date</th><th>Outlet</th><th>Article</th>"
         "</tr>";
  for (const auto& x : t.articles)
    out << "<tr><td>" << esc(x.published.empty() ? "undated" : x.published) << "</td><td>" << esc(x.outlet)
        << "</td><td>#" << x.id << " " << esc(util::shorten(x.headline.empty() ? x.doc : x.headline, 120))
        << "</td></tr>";
  out << "</table></section>\n";
  // Each claim's timeline: first report, every piece of evidence in time
  // order, where it stands now.
  out << "<section class=\"wide\"><h2>Each claim, from first report to where it stands</h2><table><tr><th>#</th>"
         "<th>Claim and its timeline</th><th>Now</th></tr>";
  for (const auto* list : {&t.first.claims, &t.first.unattributed})
    for (const auto& e : *list) {
      const auto& c = e.claim;
      out << "<tr class=\"claim-row\"><td>" << c.id << "</td><td>" << esc(util::shorten(c.text, 200)) << "<br><small>"
          << esc(a.published.empty() ? "first" : a.published) << " reported by "
          << esc(has_source(c) ? util::shorten(c.source_text, 80) + " (" + category_of(c) + ")"
                               : std::string(kNoSource))
          << "</small>";
      std::vector<const Link*> in_time;
      for (const auto& l : e.links) in_time.push_back(&l);
      std::stable_sort(in_time.begin(), in_time.end(),
                       [](const Link* x, const Link* y) { return x->later.published < y->later.published; });
      for (const Link* l : in_time)
        out << "<small class=\"evidence\">" << esc(l->later.published.empty() ? "undated" : l->later.published) << " "
            << esc(evidence_line(*l)) << "</small>";
      out << "</td><td><span class=\"pill st-" << esc(c.status) << "\">" << esc(c.status) << "</span>"
          << (c.overdue ? "<br><small>overdue</small>" : "")
          << (c.verdict.empty() ? "" : "<br><small>verdict: " + esc(c.verdict) + "</small>")
          << (c.status_note.empty() ? "" : "<br><small>not judged in full: " + esc(c.status_note) + "</small>")
          << "</td></tr>";
    }
  out << "</table></section>\n";
  out << "<section class=\"wide\"><h2>How the sourcing moved</h2>";
  if (t.moves.empty()) {
    out << "<p>No claim changed its kind of source.</p>";
  } else {
    out << "<table><tr><th>#</th><th>From</th><th>To</th><th>When</th></tr>";
    for (const auto& m : t.moves)
      out << "<tr><td>" << m.claim << "</td><td>" << esc(m.from_category) << "</td><td>" << esc(m.to_category)
          << "</td><td>" << esc(m.when) << "</td></tr>";
    out << "</table>";
  }
  out << "</section>\n</main>\n</body></html>\n";
  return out.str();
}

}  // namespace claimtrail::report
