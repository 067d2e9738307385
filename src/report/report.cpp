#include "report/report.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.hpp"

namespace claimtrail::report {

namespace {

ArticleInfo article_info(store::Store& st, std::int64_t id) {
  auto& q = st.prepared(
      "SELECT id, doc, coalesce(outlet, ''), coalesce(url, ''), coalesce(published, ''), coalesce(headline, ''), text "
      "FROM articles WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw core::Error("", "no article with id " + std::to_string(id));
  ArticleInfo a{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                q.getColumn(6).getString()};
  q.reset();
  return a;
}

}  // namespace

std::vector<Link> links_of(store::Store& st, std::int64_t claim) {
  std::vector<std::pair<std::int64_t, Link>> found;
  {
    auto& q = st.prepared(
        "SELECT later_id, status, score, coalesce(old_value, ''), coalesce(new_value, '') FROM claim_links "
        "WHERE claim_id = ?");
    q.bind(1, claim);
    while (q.executeStep()) {
      Link l;
      l.status = q.getColumn(1).getString();
      l.score = q.getColumn(2).getDouble();
      l.old_value = q.getColumn(3).getString();
      l.new_value = q.getColumn(4).getString();
      found.push_back({q.getColumn(0).getInt64(), std::move(l)});
    }
    q.reset();
  }
  std::vector<Link> out;
  for (auto& [id, l] : found)
    if (auto rec = store::get_claim(st, id)) {
      l.later = std::move(*rec);
      out.push_back(std::move(l));
    }
  std::stable_sort(out.begin(), out.end(), [](const Link& a, const Link& b) {
    const int ra = store::status_rank(a.status), rb = store::status_rank(b.status);
    return ra != rb ? ra > rb : a.later.published < b.later.published;
  });
  return out;
}

ArticleReport article_report(store::Store& st, std::int64_t article) {
  ArticleReport r;
  r.article = article_info(st, article);
  store::ClaimFilter f;
  f.article = article;
  std::map<std::int64_t, SourceEntry> sources;
  std::vector<std::int64_t> source_order;
  int with_source = 0, anonymous = 0;
  for (auto& c : store::find_claims(st.db(), f)) {
    ClaimEntry e;
    e.links = links_of(st, c.id);
    const bool unattributed = c.kind == "unattributed";
    const bool counts = !unattributed && !c.in_headline && !c.parent_id;
    if (counts) {
      ++r.statements;
      ++r.by_category[c.category.empty() ? "none" : c.category];
      if (!c.source_text.empty()) {
        ++with_source;
        if (c.anonymous) ++anonymous;
      }
    }
    if (c.source_id && !unattributed) {
      auto [it, fresh] = sources.try_emplace(*c.source_id);
      if (fresh) {
        it->second.id = *c.source_id;
        it->second.name = c.source_name.empty() ? c.source_text : c.source_name;
        it->second.category = c.category;
        it->second.anonymous = c.anonymous;
        source_order.push_back(*c.source_id);
      }
      ++it->second.statements;
    }
    e.claim = std::move(c);
    (unattributed ? r.unattributed : r.claims).push_back(std::move(e));
  }
  r.anonymous_share = with_source ? static_cast<double>(anonymous) / with_source : 0;
  // Descriptors, and what the article says about its anonymous sources.
  for (std::int64_t id : source_order) {
    SourceEntry& s = sources[id];
    auto& q = st.prepared("SELECT descriptors FROM sources WHERE id = ?");
    q.bind(1, id);
    if (q.executeStep()) s.descriptors = q.getColumn(0).getString();
    q.reset();
    auto& d = st.prepared(
        "SELECT coalesce(reason, ''), text FROM source_descriptions WHERE article_id = ? AND source_id = ?");
    d.bind(1, article);
    d.bind(2, id);
    if (d.executeStep()) {
      s.reason = d.getColumn(0).getString();
      s.description = d.getColumn(1).getString();
    }
    d.reset();
    (s.anonymous ? r.unnamed_sources : r.named_sources) += 1;
    r.sources.push_back(s);
  }
  auto& n = st.prepared(
      "SELECT n.kind, coalesce(n.who_text, ''), coalesce(s.category, ''), n.text FROM non_responses n "
      "LEFT JOIN sources s ON s.id = n.source_id WHERE n.article_id = ? ORDER BY n.id");
  n.bind(1, article);
  while (n.executeStep())
    r.non_responses.push_back({n.getColumn(0).getString(), n.getColumn(1).getString(), n.getColumn(2).getString(),
                               n.getColumn(3).getString()});
  n.reset();
  return r;
}

ThreadReport thread_report(store::Store& st, std::int64_t article) {
  ThreadReport t;
  t.first = article_report(st, article);
  std::set<std::int64_t> ids = {article};
  for (const auto& c : t.first.claims)
    for (const auto& l : c.links) ids.insert(l.later.article_id);
  for (const auto& c : t.first.unattributed)
    for (const auto& l : c.links) ids.insert(l.later.article_id);
  for (std::int64_t id : ids) {
    ArticleInfo a = article_info(st, id);
    a.text.clear();
    t.articles.push_back(std::move(a));
  }
  std::stable_sort(t.articles.begin(), t.articles.end(),
                   [](const ArticleInfo& a, const ArticleInfo& b) { return a.published < b.published; });
  for (const auto& c : t.first.claims) {
    std::string from = c.claim.category;
    std::vector<const Link*> in_time;
    for (const auto& l : c.links) in_time.push_back(&l);
    std::stable_sort(in_time.begin(), in_time.end(),
                     [](const Link* a, const Link* b) { return a->later.published < b->later.published; });
    for (const Link* l : in_time) {
      const std::string to = l->later.kind == "unattributed" ? "unattributed" : l->later.category;
      if (to != from) t.moves.push_back({c.claim.id, from, to, l->later.published});
      from = to;
    }
  }
  return t;
}

OutletReport outlet_report(store::Store& st, const std::string& outlet) {
  OutletReport r;
  r.outlet = outlet;
  SQLite::Statement q(st.db(),
                      "SELECT substr(coalesce(a.published, '?'), 1, 7) AS month, count(DISTINCT a.id), "
                      "sum(c.kind != 'unattributed' AND c.in_headline = 0 AND c.parent_id IS NULL), "
                      "sum(c.anonymous AND c.in_headline = 0 AND c.parent_id IS NULL) "
                      "FROM articles a LEFT JOIN claims c ON c.article_id = a.id AND c.rejected = 0 "
                      "WHERE a.outlet = ? COLLATE NOCASE GROUP BY month ORDER BY month");
  q.bind(1, outlet);
  while (q.executeStep()) {
    OutletReport::Period p{q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt(),
                           q.getColumn(3).getInt()};
    r.articles += p.articles;
    r.statements += p.statements;
    r.anonymous += p.anonymous;
    r.periods.push_back(std::move(p));
  }
  return r;
}

SourceReport source_report(store::Store& st, const std::string& name) {
  SourceReport r;
  r.sources = store::find_sources(st.db(), name, "");
  store::ClaimFilter f;
  f.source = name;
  for (auto& c : store::find_claims(st.db(), f)) {
    ClaimEntry e;
    e.links = links_of(st, c.id);
    ++r.by_status[c.status];
    e.claim = std::move(c);
    r.claims.push_back(std::move(e));
  }
  return r;
}

}  // namespace claimtrail::report
