#include "report/report.hpp"

#include "core/categories.hpp"
#include "track/track.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace claimtrail::report {

std::vector<Link> links_of(store::Store& st, std::int64_t claim) { return track::evidence_of(st, claim); }

ArticleReport article_report(store::Store& st, std::int64_t article) {
  ArticleReport r;
  r.article = store::get_article(st, article);
  store::ClaimFilter f;
  f.article = article;
  std::map<std::int64_t, SourceEntry> sources;
  std::vector<std::int64_t> source_order;
  core::SourcingProfile sourcing;
  for (auto& c : store::find_claims(st, f)) {
    ClaimEntry e;
    e.links = links_of(st, c.id);
    const bool unattributed = c.kind == "unattributed";
    const bool counts = !unattributed && !c.in_headline && !c.parent_id;
    if (counts) sourcing.add(!c.source_text.empty(), c.category, c.anonymous);
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
  r.statements = static_cast<int>(sourcing.statements);
  for (const auto& [category, n] : sourcing.by_category) r.by_category[category] = static_cast<int>(n);
  r.anonymous_share = sourcing.anonymous_share();
  // Descriptors, and what the article says about its anonymous sources.
  for (std::int64_t id : source_order) {
    SourceEntry& s = sources[id];
    store::SourceInArticle in = store::source_in_article(st, article, id);
    s.descriptors = std::move(in.descriptors);
    s.reason = std::move(in.reason);
    s.description = std::move(in.description);
    // A document is on the record but is nobody: counted on its own.
    (s.anonymous ? r.unnamed_sources : s.category == "document" ? r.document_sources : r.named_sources) += 1;
    r.sources.push_back(s);
  }
  r.non_responses = store::non_responses_of(st, article);
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
    t.articles.push_back(store::get_article(st, id, false));
  }
  std::stable_sort(t.articles.begin(), t.articles.end(),
                   [](const ArticleInfo& a, const ArticleInfo& b) { return a.published < b.published; });
  // How the sourcing moved, one step per day of reporting: what a day's
  // articles rested on is their best sourcing (on the record over
  // anonymous over the outlet's own voice), so two reports of one day
  // never show as a move and back.
  auto rank = [](const Link& l) {
    if (l.later.kind == "unattributed") return 0;
    const core::CategoryFacts* f = core::facts(l.later.category);
    return f && !f->anonymous ? 2 : 1;
  };
  for (const auto& c : t.first.claims) {
    std::map<std::string, const Link*> best_of_day;  // published date -> its best link
    for (const auto& l : c.links) {
      const Link*& best = best_of_day[l.later.published];
      if (!best || rank(l) > rank(*best)) best = &l;
    }
    std::string from = c.claim.category;
    for (const auto& [day, l] : best_of_day) {
      const std::string to = l->later.kind == "unattributed" ? "unattributed" : l->later.category;
      if (to != from) t.moves.push_back({c.claim.id, from, to, day});
      from = to;
    }
  }
  return t;
}

OutletReport outlet_report(store::Store& st, const std::string& outlet) {
  OutletReport r;
  r.outlet = outlet;
  for (auto& p : store::outlet_months(st, outlet)) {
    r.articles += p.articles;
    r.statements += p.statements;
    r.with_source += p.with_source;
    r.anonymous += p.anonymous;
    r.periods.push_back(std::move(p));
  }
  return r;
}

SourceReport source_report(store::Store& st, const std::string& name) {
  SourceReport r;
  r.sources = store::find_sources(st, name, "");
  store::ClaimFilter f;
  f.source = name;
  for (auto& c : store::find_claims(st, f)) {
    ClaimEntry e;
    e.links = links_of(st, c.id);
    ++r.by_status[c.status];
    e.claim = std::move(c);
    r.claims.push_back(std::move(e));
  }
  return r;
}

}  // namespace claimtrail::report
