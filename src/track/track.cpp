#include "track/track.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "article/dates.hpp"
#include "match/compare.hpp"
#include "match/statement.hpp"
#include "store/tracking.hpp"
#include "util/ascii.hpp"

namespace claimtrail::track {

namespace {

using nlohmann::json;

bool on_record(std::string_view category) {
  return category == "named_person" || category == "named_organization" || category == "document";
}

// The latest day a prediction allows: the end of its deadline, or of the
// period it names ("this month").
std::optional<int> deadline(const match::Statement& s) {
  std::optional<int> last;
  for (const auto& d : s.dates) last = std::max(last.value_or(d.value.last_day()), d.value.last_day());
  return last;
}

// When the reported event happened: a date in the statement, else the day
// the article appeared.
std::optional<int> event_day(const match::Statement& s, const std::string& published) {
  for (const auto& d : s.dates)
    if (d.value.day > 0) return d.value.first_day();
  if (auto p = article::parse_iso_date(published)) return p->first_day();
  return std::nullopt;
}

// Does the later source merely cite the original outlet ("according to
// the Post", "the Post reported")?
bool cites(const std::string& source_text, const std::string& outlet) {
  if (outlet.empty() || source_text.empty()) return false;
  return util::ascii_lower(source_text).find(util::ascii_lower(outlet)) != std::string::npos;
}

}  // namespace

Report track(store::Store& store, std::int64_t article, const Options& options) {
  Report report;
  report.article_id = article;
  const store::ArticleRecord base = store::get_article(store, article, false);
  report.doc = base.doc;
  report.outlet = base.outlet;
  report.published = base.published;
  report.headline = base.headline;
  const article::Date base_date = article::parse_iso_date(base.published).value_or(article::Date{});

  store::ClaimFilter f;
  f.article = article;
  const std::vector<store::ClaimRecord> claims = store::find_claims(store, f);

  // Candidate claims: from the given articles, or through the index.
  std::set<std::int64_t> against;
  if (options.against) against.insert(options.against->begin(), options.against->end());
  std::map<std::int64_t, std::pair<store::ClaimRecord, match::Statement>> seen;  // later claims analysed once
  auto remember = [&](store::ClaimRecord rec) {
    auto it = seen.find(rec.id);
    if (it != seen.end()) return;
    const auto pub = article::parse_iso_date(rec.published).value_or(article::Date{});
    match::Statement st = match::analyse_statement(rec.text, pub);
    const std::int64_t id = rec.id;
    seen.emplace(id, std::make_pair(std::move(rec), std::move(st)));
  };
  std::vector<std::int64_t> given_claims;
  if (options.against) {
    for (std::int64_t a : *options.against) {
      store::ClaimFilter g;
      g.article = a;
      for (auto& c : store::find_claims(store, g)) {
        given_claims.push_back(c.id);
        remember(std::move(c));
      }
    }
  }
  // How common each word is: the rarest words find candidates best, and
  // count most when statements are compared.
  std::map<std::string, std::int64_t> df;
  auto doc_freq = [&](const std::string& w) {
    auto it = df.find(w);
    if (it != df.end()) return it->second;
    return df[w] = store::term_frequency(store, w);
  };
  const double total = static_cast<double>(std::max<std::int64_t>(1, store::max_claim_id(store)));
  const match::WordWeight weight = [&](const std::string& w) {
    return std::log((total + 1.0) / (static_cast<double>(doc_freq(w)) + 0.5));
  };
  // Each later article's words (its statements and cues), for predictions:
  // did the predicted event happen?
  std::map<std::int64_t, std::set<std::string>> article_words;
  auto words_of = [&](std::int64_t id) -> const std::set<std::string>& {
    auto it = article_words.find(id);
    if (it != article_words.end()) return it->second;
    std::set<std::string> ws;
    for (const auto& [norm, cue] : store::indexed_statements_of(store, id)) {
      for (std::size_t p = 0; p < norm.size();) {
        std::size_t e = norm.find(' ', p);
        if (e == std::string::npos) e = norm.size();
        ws.insert(norm.substr(p, e - p));
        p = e + 1;
      }
      for (const auto& w : match::analyse_statement(cue).words) ws.insert(w.form);
    }
    return article_words[id] = std::move(ws);
  };
  std::set<std::int64_t> matched_later;
  std::set<std::int64_t> thread_articles;
  for (const auto& c : claims) {
    TrackedClaim tc;
    tc.claim = c;
    const match::Statement a = match::analyse_statement(c.text, base_date);
    std::vector<std::int64_t> ids;
    if (options.against) {
      ids = given_claims;
    } else if (!a.words.empty()) {
      // The claim's rarest words and dates, as many as keep the matches to
      // rank few (the index ranks every match); when even the rarest word is
      // common, the two rarest together. Only terms the index's vocabulary
      // holds are used, so each is one token, quoted: never a phrase or syntax.
      std::vector<std::pair<std::int64_t, std::string>> words;
      std::set<std::string> uniq;
      for (const auto& w : a.words)
        if (uniq.insert(w.form).second) {
          const std::int64_t n = doc_freq(w.form);
          if (n > 1) words.push_back({n, w.form});  // (a word only this claim has finds nothing)
        }
      for (const auto& d : a.dates) {
        const std::string term = d.value.month > 0 ? "m" + std::to_string(d.value.year * 100 + d.value.month)
                                                   : "y" + std::to_string(d.value.year);
        if (const std::int64_t n = doc_freq(term); n > 1 && uniq.insert(term).second) words.push_back({n, term});
      }
      std::sort(words.begin(), words.end());
      const std::int64_t budget = static_cast<std::int64_t>(options.candidates) * 15;
      std::string q;
      std::int64_t sum = 0;
      for (std::size_t k = 0; k < words.size() && k < 8; ++k) {
        if (k > 0 && sum + words[k].first > budget) break;
        sum += words[k].first;
        q += (q.empty() ? "" : " OR ") + store::fts_quote(words[k].second);
      }
      if (!words.empty() && words[0].first > budget && words.size() > 1)
        q = store::fts_quote(words[0].second) + " AND " + store::fts_quote(words[1].second);
      if (!q.empty()) {
        store::CandidateSearch search;
        search.query = q;
        search.base = article;
        search.published = base.published;
        search.limit = static_cast<std::int64_t>(options.candidates);
        search.pool = static_cast<std::int64_t>(options.candidates * 8);
        for (auto& rec : store::candidate_claims(store, search)) {
          ids.push_back(rec.id);
          remember(std::move(rec));
        }
      }
    }
    for (std::int64_t id : ids) {
      const auto found = seen.find(id);
      if (found == seen.end()) continue;
      const auto& [rec, b] = found->second;
      match::Comparison cmp = match::relate(a, b, weight);
      // A prediction comes true when a later statement reports it done, in
      // its words or as its cue ("the deal could be announced this month" /
      // "the two governments announced on Friday ..."), and the later
      // article names all the prediction named.
      bool prediction_met = false;
      if (a.modality != match::Modality::realized && !a.words.empty()) {
        const bool done = b.modality == match::Modality::realized && cmp.score >= 0.5;
        bool in_cue = false;
        if (!done && !rec.cue.empty())
          for (const auto& w : match::analyse_statement(rec.cue).words)
            in_cue = in_cue || std::any_of(a.words.begin(), a.words.end(),
                                           [&](const match::Word& x) { return x.form == w.form; });
        if (done || in_cue) {
          const auto& ws = words_of(rec.article_id);
          prediction_met =
              std::all_of(a.words.begin(), a.words.end(), [&](const match::Word& w) { return ws.count(w.form) > 0; });
        }
      }
      if (cmp.relation == match::Relation::different && !prediction_met) continue;
      if (prediction_met && cmp.relation != match::Relation::contradicted) {
        cmp.realizes = true;
        cmp.relation = match::Relation::same;
      }
      Evidence e;
      e.claim_id = rec.id;
      e.article_id = rec.article_id;
      e.doc = rec.doc;
      e.outlet = rec.outlet;
      e.url = rec.url;
      e.published = rec.published;
      e.text = rec.text;
      e.source_text = rec.source_text;
      e.category = rec.kind == "unattributed" ? "unattributed" : rec.category;
      e.kind = rec.kind;
      e.score = cmp.score;
      e.why = cmp.why;
      const bool same_outlet = !base.outlet.empty() && rec.outlet == base.outlet;
      const bool citing = cites(rec.source_text, base.outlet);
      const bool reprint = rec.text == c.text && rec.source_text == c.source_text;
      const bool independent = !same_outlet && !citing && !reprint;
      if (cmp.realizes && prediction_met) {
        // A prediction: confirmed when the event came within its time.
        const auto until = deadline(a);
        const auto when = event_day(b, rec.published);
        if (until && when && *when > *until) {
          e.status = "updated";
          e.old_value = a.dates.empty() ? std::string() : a.dates.front().text;
          e.new_value = b.dates.empty() ? rec.published : b.dates.front().text;
          e.why = "it happened, later than predicted";
        } else {
          e.status = "confirmed";
          e.why = "the predicted event was reported";
        }
      } else if (citing || reprint) {
        e.status = "restated";  // the original outlet's reporting again: not independent
        e.why = citing ? "cites " + base.outlet : "a reprint";
      } else if (cmp.relation == match::Relation::contradicted) {
        e.status = "contradicted";
      } else if (cmp.relation == match::Relation::updated) {
        e.status = "updated";
        e.old_value = cmp.old_value;
        e.new_value = cmp.new_value;
      } else if (on_record(e.category)) {
        e.status = "confirmed";
      } else if (independent) {
        e.status = "corroborated";
      } else {
        e.status = "restated";  // the same outlet or a citation of it: not independent
        e.why = citing ? "cites " + base.outlet : reprint ? "a reprint" : "the same outlet";
      }
      matched_later.insert(rec.id);
      thread_articles.insert(rec.article_id);
      tc.evidence.push_back(std::move(e));
    }
    std::stable_sort(tc.evidence.begin(), tc.evidence.end(), [](const Evidence& x, const Evidence& y) {
      const int rx = store::status_rank(x.status), ry = store::status_rank(y.status);
      return rx != ry ? rx > ry : x.score > y.score;
    });
    const bool addressed = !tc.evidence.empty() && store::status_rank(tc.evidence.front().status) > 0;
    tc.status = addressed ? tc.evidence.front().status : "unaddressed";
    report.claims.push_back(std::move(tc));
  }

  // The thread: the articles compared against, or those that spoke to a claim.
  std::set<std::int64_t> thread = options.against ? against : thread_articles;
  report.later.assign(thread.begin(), thread.end());
  for (std::int64_t a : report.later) {
    store::ClaimFilter g;
    g.article = a;
    for (auto& c : store::find_claims(store, g))
      if (!matched_later.count(c.id)) report.fresh.push_back(std::move(c));
  }

  if (options.record) {
    std::vector<store::LinkInput> links;
    for (const auto& tc : report.claims)
      for (const auto& e : tc.evidence)
        if (store::status_rank(e.status) > 0)
          links.push_back({tc.claim.id, e.claim_id, e.status, e.score, e.old_value, e.new_value});
    store::record_links(store, article, links);
    for (auto& tc : report.claims) tc.claim.status = tc.status;
  }
  return report;
}

}  // namespace claimtrail::track
