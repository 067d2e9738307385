#include "track/track.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "article/dates.hpp"
#include "core/categories.hpp"
#include "core/error.hpp"
#include "match/compare.hpp"
#include "store/tracking.hpp"
#include "track/status.hpp"
#include "util/ascii.hpp"

namespace claimtrail::track {

namespace {

using store::AnalysedClaim;

// Is a claim of this source category on the record (core/categories)?
bool on_record(std::string_view category) {
  const core::CategoryFacts* f = core::facts(category);
  return f && f->on_record;
}

// Does a claim of this source category rest on an anonymous source?
bool anonymous(std::string_view category) {
  const core::CategoryFacts* f = core::facts(category);
  return f && f->anonymous;
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

  double total() const { return total_; }

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
// match); when even the rarest word is common, the rarest together, as many
// (up to four) as it takes to expect few matches if words were independent
// ("trump" AND "clinton" alone matches tens of thousands in a large store). Only
// terms the index's vocabulary holds are used, so each is one token, quoted:
// never a phrase or syntax. Empty when no term would find anything.
constexpr std::size_t kMostTermsAnded = 4;

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
  if (!words.empty() && words[0].first > budget && words.size() > 1) {
    q = store::fts_quote(words[0].second);
    double expected = static_cast<double>(words[0].first);
    for (std::size_t k = 1; k < words.size() && k < kMostTermsAnded && (k < 2 || expected > budget); ++k) {
      q += " AND " + store::fts_quote(words[k].second);
      expected *= static_cast<double>(words[k].first) / rarity.total();
    }
  }
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
  if (!match::other_actor(a, b).empty()) return false;  // someone else did it
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

// A prediction with a deadline against a later report of it.
struct Timed {
  match::Timing timing = match::Timing::none;
  std::string deadline, done_on;  // as written
};

// Decides whether a later claim `b` (published on `published`) reports the
// prediction `a` done in its time, done late, not done after its deadline,
// or not yet done before it: match::check_deadline when it can tell, else
// the claim's own dates against the day `b` reports (or its article's).
// A restated prediction (`b` still to come) is none: it may move the date.
Timed timing_of(const match::Comparison& cmp, bool predicted, const match::Statement& a, const match::Statement& b,
                const ClaimFacts& facts, const std::string& published) {
  Timed t;
  if (a.modality == match::Modality::realized || a.negated) return t;
  if (b.modality != match::Modality::realized) {
    // Still to come (or still a plan) after its deadline, the same event at
    // no new date: not done ("will join over the coming months", "which it
    // had planned to finish by the end of 2024, has not started").
    const auto pub = article::parse_iso_date(published);
    // (Hedged or denied: a plain "will" may speak of another step of it.)
    const bool unsure = b.negated || b.modality == match::Modality::hedged;
    if (cmp.relation == match::Relation::same && !predicted && unsure && facts.deadline && pub &&
        pub->first_day() > *facts.deadline) {
      t.timing = match::Timing::not_done;
      t.deadline = facts.deadline_text;
      t.done_on = published;
    }
    return t;
  }
  // Done: b says what a predicted, as done (match's `realizes`, or the same
  // statement in the past tense, or prediction_met); not done: b denies it.
  const bool done = !b.negated && (predicted || cmp.relation == match::Relation::same);
  const bool undone = cmp.relation == match::Relation::contradicted && b.negated;
  if (!done && !undone && !predicted) return t;
  match::Comparison timed = cmp;
  const auto pub = article::parse_iso_date(published);
  // Only a date still to come when the claim was made is a deadline ("the
  // cap Congress set in 2011" is none): the claim's facts say which.
  if (facts.deadline) {
    t.timing = match::check_deadline(a, b, pub.value_or(article::Date{}), timed);
    t.deadline = timed.deadline;
    t.done_on = timed.done_on;
    if (t.timing != match::Timing::none) return t;
  }
  t.deadline = facts.deadline_text;
  if (done) {
    const auto when = event_day(b, published);
    const bool late = facts.deadline && when && *when > *facts.deadline;
    t.timing = late ? match::Timing::late : match::Timing::in_time;
    t.done_on = b.dates.empty() ? published : b.dates.front().text;
  } else if (undone && facts.deadline && pub) {
    t.timing = pub->last_day() <= *facts.deadline ? match::Timing::open : match::Timing::not_done;
  }
  return t;
}

// Decides the status a later claim that speaks to a claim gives it, and why
// (docs/status-rules.md): a prediction met (confirmed in its time, updated
// when late: the deadline and the actual date); a prediction reported not
// done (contradicted after its deadline, open before it); the first outlet's
// reporting again (restated); contradicted; updated (another number or
// date); confirmed on the record; corroborated by an independent source;
// else restated (the same outlet).
void choose_status(Evidence& e, const match::Comparison& cmp, bool predicted, const AnalysedClaim& claim,
                   const ClaimFacts& facts, const AnalysedClaim& later, const std::string& base_outlet) {
  const store::ClaimRecord& rec = later.claim;
  const bool same_outlet = !base_outlet.empty() && rec.outlet == base_outlet;
  const bool citing = cites(rec.source_text, base_outlet);
  const bool reprint = rec.text == claim.claim.text && rec.source_text == claim.claim.source_text;
  // The same outlet is independent only with another source of its own
  // (a new unnamed official, not its own voice or the first source again).
  const bool own_new_source = same_outlet && !rec.source_text.empty() &&
                              util::ascii_lower(rec.source_text) != util::ascii_lower(claim.claim.source_text);
  const bool independent = (!same_outlet || own_new_source) && !citing && !reprint;
  const match::Statement& a = claim.analysis.statement;
  const match::Statement& b = later.analysis.statement;
  const bool unnamed = anonymous(rec.category);
  const Timed t = timing_of(cmp, predicted, a, b, facts, rec.published);
  // A report of it done, in time, or late by its article's date alone (it names no day of its own).
  const bool own_day =
      !b.dates.empty() || std::any_of(b.times.begin(), b.times.end(), [](const match::When& w) { return !w.reported; });
  // (Not when it gives another figure: that is an update of its own.)
  e.done_report = cmp.relation != match::Relation::updated &&
                  (t.timing == match::Timing::in_time || (t.timing == match::Timing::late && !own_day));
  if (t.timing == match::Timing::late && cmp.relation != match::Relation::updated) {
    e.status = "updated";
    e.old_value = t.deadline;
    e.new_value = t.done_on;
    e.why = "it happened, later than predicted (" + t.deadline + ")";
  } else if (t.timing == match::Timing::in_time && cmp.relation != match::Relation::updated) {
    // In its time: confirmed, or only corroborated when the report rests
    // on anonymous sources.
    e.status = unnamed ? (independent ? "corroborated" : "restated") : "confirmed";
    e.why = unnamed ? "the predicted event was reported, by an unnamed source" : "the predicted event was reported";
  } else if (t.timing == match::Timing::not_done) {
    e.status = "contradicted";
    e.why = "reported not done after its deadline (" + t.deadline + ")";
  } else if (t.timing == match::Timing::open) {
    e.status = "open";
    e.why = "reported not yet done, before its deadline (" + t.deadline + ")";
  } else if (citing || reprint) {
    e.status = "restated";  // the original outlet's reporting again: not independent
    e.why = citing ? "cites " + base_outlet : "a reprint";
  } else if (cmp.relation == match::Relation::contradicted) {
    e.status = "contradicted";
  } else if (cmp.relation == match::Relation::updated) {
    e.status = "updated";
    e.old_value = cmp.old_value;
    e.new_value = cmp.new_value;
  } else if (cmp.relation == match::Relation::same && cmp.refined_figure && !unnamed) {
    // A vague quantity or a bound given exactly ("about 3,000" / "2,950",
    // "more than 60,000" / "62,000"): the figure is updated, old and new.
    e.status = "updated";
    e.old_value = cmp.old_value;
    e.new_value = cmp.new_value;
    e.why = "the figure stated exactly";
  } else if (on_record(e.later.category)) {
    e.status = "confirmed";
  } else if (independent) {
    e.status = "corroborated";
  } else {
    e.status = "restated";  // the same outlet or a citation of it: not independent
    e.why = citing ? "cites " + base_outlet : reprint ? "a reprint" : "the same outlet";
  }
}

// Decides what later reports of a prediction done say: it was done once, so
// after a first report of it done in time, a later report that names no day
// of its own (late only by its article's date) says the same ("the board
// met on Wednesday", then "after a meeting of the board" a year on).
void settle_done_reports(std::vector<Evidence>& evidence) {
  const Evidence* first = nullptr;
  for (const Evidence& e : evidence)
    if (e.done_report && !e.later.published.empty() && (!first || e.later.published < first->later.published))
      first = &e;
  if (!first) return;
  if (first->status == "updated") return;
  const std::string when = first->later.published;
  for (Evidence& e : evidence) {
    if (!e.done_report || e.status != "updated" || e.later.published.empty() || e.later.published <= when) continue;
    e.status = anonymous(e.later.category) ? "corroborated" : "confirmed";
    e.old_value.clear();
    e.new_value.clear();
    e.why = "done, as first reported on " + when;
  }
}

// Decides whether one later claim speaks to a claim (its statement relates,
// or it reports the claim's prediction come true) and, if so, the evidence
// it is, with its status.
std::optional<Evidence> compare_with(const AnalysedClaim& claim, const ClaimFacts& facts, const AnalysedClaim& later,
                                     const std::string& base_outlet, const match::WordWeight& weight,
                                     ArticleWords& article_words) {
  const match::Statement& a = claim.analysis.statement;
  match::Comparison cmp = match::relate(a, later.analysis.statement, weight);
  const bool predicted = prediction_met(a, later, cmp, article_words);
  if (cmp.relation == match::Relation::different && !predicted) return std::nullopt;
  // A prediction come true: the same statement, unless it came true with
  // another figure or date ("about $24 billion" / "$26.5 billion"): updated.
  if (predicted && cmp.relation != match::Relation::contradicted) {
    cmp.realizes = true;
    if (cmp.relation != match::Relation::updated) cmp.relation = match::Relation::same;
  }
  Evidence e;
  e.claim = claim.claim.id;
  e.later = later.claim;
  e.score = cmp.score;
  e.why = cmp.why;
  choose_status(e, cmp, predicted, claim, facts, later, base_outlet);
  return e;
}

// Where an undated thread's articles are placed (docs/status-rules.md,
// section 5): when the base article gives no year, only its dateline's month
// and day, it is placed there in article::kUnknownYear, and each later
// undated article on the first day of its dateline on or after the base's.
class RelativeDates {
 public:
  RelativeDates(store::Store& store, const store::ArticleRecord& base) : store_(store) {
    if (base.published.empty() && !base.dateline_date.empty())
      base_ = article::first_on_or_after(base.dateline_date, article::Date{article::kUnknownYear, 1, 1});
  }
  // Decides whether the thread is placed relatively (the base has a month and day, no year).
  bool active() const { return base_.has_value(); }
  const article::Date& base() const { return *base_; }

  // Decides the day an undated later article is placed on, and its dateline
  // as written; nullopt when it has a date of its own or no dateline.
  std::optional<std::pair<article::Date, std::string>> of(std::int64_t article) {
    if (!base_) return std::nullopt;
    auto it = placed_.find(article);
    if (it != placed_.end()) return it->second;
    std::optional<std::pair<article::Date, std::string>> p;
    const store::ArticleRecord a = store::get_article(store_, article, false);
    if (a.published.empty() && !a.dateline_date.empty())
      if (auto d = article::first_on_or_after(a.dateline_date, *base_)) p = {{*d, a.dateline_date}};
    return placed_[article] = p;
  }

 private:
  store::Store& store_;
  std::optional<article::Date> base_;
  std::map<std::int64_t, std::optional<std::pair<article::Date, std::string>>> placed_;
};

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

// Decides what is recorded: a link for each evidence of each claim.
std::vector<store::LinkInput> links_of(const Report& report) {
  std::vector<store::LinkInput> links;
  for (const auto& tc : report.claims)
    for (const auto& e : tc.evidence)
      links.push_back({tc.claim.id, e.later.id, e.status, e.score, e.old_value, e.new_value, e.why});
  return links;
}

// The facts of a claim the status rules need, from its analysis and its
// article's date (`placed`: that date, placed relative to the thread's).
ClaimFacts facts_of_claim(const AnalysedClaim& c, const std::optional<article::Date>& placed = std::nullopt) {
  const article::Date published =
      placed ? *placed : article::parse_iso_date(c.claim.published).value_or(article::Date{});
  return track::facts_of(c.analysis, c.claim.text, published);
}

// Decides the facts of a claim of the base article; in an undated thread
// placed relatively, its dates are first resolved against the base's place.
ClaimFacts place_claim(AnalysedClaim& c, const RelativeDates& relative) {
  if (!relative.active()) return facts_of_claim(c);
  c.analysis = match::analyse_claim(c.claim.text, c.claim.cue, relative.base());
  return facts_of_claim(c, relative.base());
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
  const int day = options.today.value_or(today());
  std::set<std::int64_t> matched_later, thread_articles;
  std::map<std::int64_t, ClaimFacts> facts;
  RelativeDates relative(store, base);
  if (relative.active())
    report.date_note = "no year known: the article is placed on its dateline (" + base.dateline_date +
                       "), later undated articles on the first day of theirs after it (year unknown)";
  else if (base.published.empty())
    report.date_note = "date unknown: claims whose dates need a year are named, not judged on them";
  else if (base.published_inferred)
    report.date_note = "date inferred: the dateline's month and day, the publication's year";
  for (auto& claim : store::analysed_claims_of(store, article)) {
    const ClaimFacts& f = facts[claim.claim.id] = place_claim(claim, relative);
    const std::vector<AnalysedClaim> searched =
        options.against ? std::vector<AnalysedClaim>()
                        : search_candidates(store, base, claim.analysis.statement, rarity, options);
    TrackedClaim tc;
    for (const AnalysedClaim& candidate : options.against ? given : searched) {
      // A later undated article of a relatively placed thread: compared as of its place.
      std::optional<AnalysedClaim> placed;
      const auto where = candidate.claim.published.empty() ? relative.of(candidate.claim.article_id) : std::nullopt;
      if (where) {
        placed = candidate;
        placed->analysis = match::analyse_claim(candidate.claim.text, candidate.claim.cue, where->first);
        placed->claim.published = where->first.iso();
      }
      const AnalysedClaim& later = placed ? *placed : candidate;
      auto e = compare_with(claim, f, later, base.outlet, weight, article_words);
      if (!e) continue;
      if (where) {
        // Shown as written: the place is relative, its year unknown.
        e->later.published.clear();
        if (e->new_value == where->first.iso())
          e->new_value = where->second + " (year unknown)";
        else if (e->status == "updated" && !e->new_value.empty())
          e->new_value += " (dateline " + where->second + ", year unknown)";
      }
      matched_later.insert(e->later.id);
      thread_articles.insert(e->later.article_id);
      tc.evidence.push_back(std::move(*e));
    }
    settle_done_reports(tc.evidence);
    tc.claim = std::move(claim.claim);
    report.claims.push_back(std::move(tc));
  }

  // The thread: the articles compared against, or those that spoke to a claim.
  const std::set<std::int64_t> thread =
      options.against ? std::set<std::int64_t>(options.against->begin(), options.against->end()) : thread_articles;
  report.later.assign(thread.begin(), thread.end());
  report.fresh = fresh_claims(store, report.later, matched_later);

  if (!options.record) {
    // A comparison only: the status it alone would give; nothing stored.
    for (auto& tc : report.claims) {
      const store::DecidedStatus d = decide(facts[tc.claim.id], tc.evidence, day);
      tc.status = d.status;
      tc.overdue = d.overdue;
      tc.note = d.note;
    }
    return report;
  }
  // Recorded: every claim's status decided from all its stored evidence
  // (what earlier tracks found and a fact-checker reviewed included), and
  // shown as every other command shows it, from the store.
  std::vector<std::int64_t> ids;
  for (const auto& tc : report.claims) ids.push_back(tc.claim.id);
  store::record_tracking(store, article, ids, links_of(report),
                         [&](std::int64_t claim, const std::vector<Evidence>& stored) {
                           std::vector<Evidence> ev = stored;
                           return decide(facts[claim], ev, day);
                         });
  report.recorded = true;
  store::ClaimFilter f;
  f.article = article;
  std::map<std::int64_t, store::ClaimRecord> now;
  for (auto& c : store::find_claims(store, f)) now[c.id] = std::move(c);
  for (auto& tc : report.claims) {
    if (auto it = now.find(tc.claim.id); it != now.end()) tc.claim = std::move(it->second);
    tc.status = tc.claim.status;
    tc.overdue = tc.claim.overdue;
    tc.note = tc.claim.status_note;
    tc.evidence = evidence_of(store, tc.claim.id);
  }
  return report;
}

std::vector<Evidence> evidence_of(store::Store& store, std::int64_t claim) {
  std::vector<Evidence> ev = store::evidence_links(store, claim);
  decide(ClaimFacts{}, ev, 0);  // (the order only: the status is the stored one)
  return ev;
}

std::int64_t review_evidence(store::Store& store, std::int64_t link, const std::string& review,
                             const std::string& reviewer, const std::string& note, const Options& options) {
  const auto claim = store::claim_of_link(store, link);
  if (!claim) throw core::Error("", "no evidence link with id " + std::to_string(link));
  const auto rec = store::get_claim(store, *claim);
  RelativeDates relative(store, store::get_article(store, rec->article_id, false));
  ClaimFacts facts;
  for (auto& c : store::analysed_claims_of(store, rec->article_id))
    if (c.claim.id == *claim) facts = place_claim(c, relative);
  const int day = options.today.value_or(today());
  return store::review_link(store, link, review, reviewer, note,
                            [&](std::int64_t, const std::vector<Evidence>& stored) {
                              std::vector<Evidence> ev = stored;
                              return decide(facts, ev, day);
                            });
}

}  // namespace claimtrail::track
