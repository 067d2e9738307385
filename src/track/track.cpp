#include "track/track.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "article/dates.hpp"
#include "core/categories.hpp"
#include "match/compare.hpp"
#include "store/tracking.hpp"
#include "util/ascii.hpp"

namespace claimtrail::track {

namespace {

using store::AnalysedClaim;

// Is a claim of this source category on the record (core/categories)?
bool on_record(std::string_view category) {
  const core::CategoryFacts* f = core::facts(category);
  return f && f->on_record;
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

// How common each indexed term is in the store's claims, asked once each.
class WordRarity {
 public:
  explicit WordRarity(store::Store& store)
      : store_(store), total_(static_cast<double>(std::max<std::int64_t>(1, store::max_claim_id(store)))) {}

  // Decides how many claims hold `term` (the fewer, the better it finds).
  std::int64_t frequency(const std::string& term) {
    auto it = frequency_.find(term);
    if (it != frequency_.end()) return it->second;
    return frequency_[term] = store::term_frequency(store_, term);
  }

  // Decides how much a word tells when statements are compared: the log of
  // its inverse frequency.
  double weight(const std::string& word) {
    return std::log((total_ + 1.0) / (static_cast<double>(frequency(word)) + 0.5));
  }

 private:
  store::Store& store_;
  double total_;
  std::map<std::string, std::int64_t> frequency_;
};

// Each later article's words (its statements and cues), read once each.
class ArticleWords {
 public:
  explicit ArticleWords(store::Store& store) : store_(store) {}

  // Decides which words an article holds: every indexed term of its claims.
  const std::set<std::string>& of(std::int64_t article) {
    auto it = words_.find(article);
    if (it != words_.end()) return it->second;
    std::set<std::string> ws;
    for (const auto& [norm, cue_words] : store::indexed_statements_of(store_, article)) {
      for (std::size_t p = 0; p < norm.size();) {
        std::size_t e = norm.find(' ', p);
        if (e == std::string::npos) e = norm.size();
        ws.insert(norm.substr(p, e - p));
        p = e + 1;
      }
      ws.insert(cue_words.begin(), cue_words.end());
    }
    return words_[article] = std::move(ws);
  }

 private:
  store::Store& store_;
  std::map<std::int64_t, std::set<std::string>> words_;
};

// Decides what the index is asked for a claim's candidates: its rarest words
// and dates, as many as keep the matches to rank few (the index ranks every
// match); when even the rarest word is common, the two rarest together. Only
// terms the index's vocabulary holds are used, so each is one token, quoted:
// never a phrase or syntax. Empty when no term would find anything.
std::string candidate_query(const match::Statement& a, WordRarity& rarity, std::size_t candidates) {
  std::vector<std::pair<std::int64_t, std::string>> words;
  std::set<std::string> uniq;
  for (const auto& w : a.words)
    if (uniq.insert(w.form).second) {
      const std::int64_t n = rarity.frequency(w.form);
      if (n > 1) words.push_back({n, w.form});  // (a word only this claim has finds nothing)
    }
  for (const auto& d : a.dates) {
    const std::string term = d.value.month > 0 ? "m" + std::to_string(d.value.year * 100 + d.value.month)
                                               : "y" + std::to_string(d.value.year);
    if (const std::int64_t n = rarity.frequency(term); n > 1 && uniq.insert(term).second) words.push_back({n, term});
  }
  std::sort(words.begin(), words.end());
  const std::int64_t budget = static_cast<std::int64_t>(candidates) * 15;
  std::string q;
  std::int64_t sum = 0;
  for (std::size_t k = 0; k < words.size() && k < 8; ++k) {
    if (k > 0 && sum + words[k].first > budget) break;
    sum += words[k].first;
    q += (q.empty() ? "" : " OR ") + store::fts_quote(words[k].second);
  }
  if (!words.empty() && words[0].first > budget && words.size() > 1)
    q = store::fts_quote(words[0].second) + " AND " + store::fts_quote(words[1].second);
  return q;
}

// Decides which claims of later articles may speak to a claim of `base`:
// the best matches of the index for its candidate query (none for a claim
// without words).
std::vector<AnalysedClaim> search_candidates(store::Store& store, const store::ArticleRecord& base,
                                             const match::Statement& a, WordRarity& rarity, const Options& options) {
  if (a.words.empty()) return {};
  store::CandidateSearch search;
  search.query = candidate_query(a, rarity, options.candidates);
  if (search.query.empty()) return {};
  search.base = base.id;
  search.published = base.published;
  search.limit = static_cast<std::int64_t>(options.candidates);
  search.pool = static_cast<std::int64_t>(options.candidates * 8);
  return store::candidate_claims(store, search);
}

// Decides whether a later claim reports a prediction of `a` come true: it
// reports it done, in its words or as its cue ("the deal could be announced
// this month" / "the two governments announced on Friday ..."), and the
// later article names all the prediction named.
bool prediction_met(const match::Statement& a, const AnalysedClaim& later, const match::Comparison& cmp,
                    ArticleWords& article_words) {
  if (a.modality == match::Modality::realized || a.words.empty()) return false;
  const match::Statement& b = later.analysis.statement;
  const bool done = b.modality == match::Modality::realized && cmp.score >= 0.5;
  bool in_cue = false;
  if (!done && !later.claim.cue.empty())
    for (const auto& form : later.analysis.cue_words)
      in_cue =
          in_cue || std::any_of(a.words.begin(), a.words.end(), [&](const match::Word& x) { return x.form == form; });
  if (!done && !in_cue) return false;
  const auto& ws = article_words.of(later.claim.article_id);
  return std::all_of(a.words.begin(), a.words.end(), [&](const match::Word& w) { return ws.count(w.form) > 0; });
}

// Decides the status a later claim that speaks to a claim gives it, and why:
// a prediction confirmed (or updated when it came late); the first outlet's
// reporting again (restated); contradicted; updated (another number or
// date); confirmed on the record; corroborated by an independent source;
// else restated (the same outlet).
void choose_status(Evidence& e, const match::Comparison& cmp, bool predicted, const AnalysedClaim& claim,
                   const AnalysedClaim& later, const std::string& base_outlet) {
  const store::ClaimRecord& rec = later.claim;
  const bool same_outlet = !base_outlet.empty() && rec.outlet == base_outlet;
  const bool citing = cites(rec.source_text, base_outlet);
  const bool reprint = rec.text == claim.claim.text && rec.source_text == claim.claim.source_text;
  const bool independent = !same_outlet && !citing && !reprint;
  if (cmp.realizes && predicted) {
    // A prediction: confirmed when the event came within its time.
    const match::Statement& a = claim.analysis.statement;
    const match::Statement& b = later.analysis.statement;
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
    e.why = citing ? "cites " + base_outlet : "a reprint";
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
    e.why = citing ? "cites " + base_outlet : reprint ? "a reprint" : "the same outlet";
  }
}

// Decides whether one later claim speaks to a claim (its statement relates,
// or it reports the claim's prediction come true) and, if so, the evidence
// it is, with its status.
std::optional<Evidence> compare_with(const AnalysedClaim& claim, const AnalysedClaim& later,
                                     const std::string& base_outlet, const match::WordWeight& weight,
                                     ArticleWords& article_words) {
  const match::Statement& a = claim.analysis.statement;
  match::Comparison cmp = match::relate(a, later.analysis.statement, weight);
  const bool predicted = prediction_met(a, later, cmp, article_words);
  if (cmp.relation == match::Relation::different && !predicted) return std::nullopt;
  if (predicted && cmp.relation != match::Relation::contradicted) {
    cmp.realizes = true;
    cmp.relation = match::Relation::same;
  }
  const store::ClaimRecord& rec = later.claim;
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
  choose_status(e, cmp, predicted, claim, later, base_outlet);
  return e;
}

// Decides a claim's status: its evidence ordered strongest first (by
// status, then score), and the first one's status unless none addresses the
// claim (unaddressed).
std::string claim_status(std::vector<Evidence>& evidence) {
  std::stable_sort(evidence.begin(), evidence.end(), [](const Evidence& x, const Evidence& y) {
    const int rx = store::status_rank(x.status), ry = store::status_rank(y.status);
    return rx != ry ? rx > ry : x.score > y.score;
  });
  const bool addressed = !evidence.empty() && store::status_rank(evidence.front().status) > 0;
  return addressed ? evidence.front().status : "unaddressed";
}

// Decides the thread's new claims: those of its articles that spoke to no
// claim.
std::vector<store::ClaimRecord> fresh_claims(store::Store& store, const std::vector<std::int64_t>& thread,
                                             const std::set<std::int64_t>& matched) {
  std::vector<store::ClaimRecord> fresh;
  for (std::int64_t a : thread) {
    store::ClaimFilter g;
    g.article = a;
    for (auto& c : store::find_claims(store, g))
      if (!matched.count(c.id)) fresh.push_back(std::move(c));
  }
  return fresh;
}

// Decides what is recorded: a link for each evidence that addresses its
// claim (restatements are not links).
std::vector<store::LinkInput> links_of(const Report& report) {
  std::vector<store::LinkInput> links;
  for (const auto& tc : report.claims)
    for (const auto& e : tc.evidence)
      if (store::status_rank(e.status) > 0)
        links.push_back({tc.claim.id, e.claim_id, e.status, e.score, e.old_value, e.new_value});
  return links;
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

  // The claims of the given articles (diff): every claim's candidates.
  std::vector<AnalysedClaim> given;
  if (options.against)
    for (std::int64_t a : *options.against)
      for (auto& c : store::analysed_claims_of(store, a)) given.push_back(std::move(c));

  WordRarity rarity(store);
  const match::WordWeight weight = [&](const std::string& w) { return rarity.weight(w); };
  ArticleWords article_words(store);
  std::set<std::int64_t> matched_later, thread_articles;
  for (auto& claim : store::analysed_claims_of(store, article)) {
    const std::vector<AnalysedClaim> searched =
        options.against ? std::vector<AnalysedClaim>()
                        : search_candidates(store, base, claim.analysis.statement, rarity, options);
    TrackedClaim tc;
    for (const AnalysedClaim& later : options.against ? given : searched) {
      auto e = compare_with(claim, later, base.outlet, weight, article_words);
      if (!e) continue;
      matched_later.insert(e->claim_id);
      thread_articles.insert(e->article_id);
      tc.evidence.push_back(std::move(*e));
    }
    tc.status = claim_status(tc.evidence);
    tc.claim = std::move(claim.claim);
    report.claims.push_back(std::move(tc));
  }

  // The thread: the articles compared against, or those that spoke to a claim.
  const std::set<std::int64_t> thread =
      options.against ? std::set<std::int64_t>(options.against->begin(), options.against->end()) : thread_articles;
  report.later.assign(thread.begin(), thread.end());
  report.fresh = fresh_claims(store, report.later, matched_later);

  if (options.record) {
    store::record_links(store, article, links_of(report));
    for (auto& tc : report.claims) tc.claim.status = tc.status;
  }
  return report;
}

}  // namespace claimtrail::track
