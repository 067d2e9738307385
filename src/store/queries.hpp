// Reading and correcting the store: articles, claims with their tracking
// status and latest verdict, what `track` linked to them, sources, verdicts,
// source merges and claim fixes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace claimtrail::store {

// Tracking status (what later articles did to a claim), strongest first. A
// claim's status is the one track/status.hpp decided from all its stored
// evidence (kept in the store); a claim of an article never tracked is
// untracked, one rejected as no attribution is rejected.
inline constexpr const char* kStatuses[] = {"contradicted", "updated",   "confirmed", "corroborated",
                                            "unaddressed",  "untracked", "rejected"};
// A fact-checker's verdicts.
inline constexpr const char* kVerdicts[] = {"confirmed", "refuted", "disputed", "unverified"};

bool is_status(std::string_view s);
// Strength of a tracking status for ordering evidence: contradicted 4,
// updated 3, confirmed 2, corroborated 1, anything else 0.
int status_rank(std::string_view status);
bool is_verdict(std::string_view s);

struct ClaimFilter {
  std::optional<std::int64_t> article;
  std::string source;    // part of the source's name or text, any case
  std::string category;  // a SourceCategory name, or "unattributed"
  bool anonymous_only = false;
  std::string status;   // one of kStatuses
  std::string verdict;  // one of kVerdicts
  std::string search;   // words, matched through the full-text index
  bool include_rejected = false;
};

struct ClaimRecord {
  std::int64_t id = 0, article_id = 0;
  std::string doc, outlet, url, published;
  std::string kind;
  bool in_headline = false;
  std::optional<std::int64_t> parent_id;
  std::string text, cue;
  std::optional<std::int64_t> source_id;
  std::string source_text, source_name, category;
  bool anonymous = false;
  std::string hedges;                          // JSON list
  std::string dates;                           // JSON list
  std::string spans, cue_spans, source_spans;  // JSON [[start, end], ...] into the article text
  std::string status;
  bool overdue = false;     // unaddressed, and the deadline it names has passed
  std::string status_note;  // why it could not be fully judged (e.g. a date unknown), when so
  std::string verdict, verdict_note, verdict_at;
  std::string verdict_evidence;  // the URL backing the latest verdict, if any
  bool rejected = false;
};

// Claims matching every filter; a search with no searchable words finds none.
std::vector<ClaimRecord> find_claims(Store& s, const ClaimFilter& f);

// The full-text query (FTS5 MATCH) for search words: the words normalised as
// the index's statements are (equivalents, light stemming; stop words,
// numbers and punctuation left out), split into the index's tokens, each
// quoted, all required ("strik" AND "ferry"). nullopt when nothing searchable
// remains (empty, only stop words or punctuation). For any valid UTF-8 the
// query is one FTS5 accepts: operators, keywords (AND OR NOT NEAR), quotes,
// * ^ : ( ) and NUL bytes in `words` are never syntax.
std::optional<std::string> fts_query(std::string_view words);
// `term` as an FTS5 string: in double quotes, inner quotes doubled.
std::string fts_quote(std::string_view term);
// The distinct terms the full-text index makes of `text` (its tokenizer's).
std::vector<std::string> index_terms(std::string_view text);
// Adds `delta` (1 or -1) to the count of claims holding each term of each
// of `norms` (one per claim) in term_docs, in the caller's transaction: the
// store calls it wherever it adds claims to the index or drops them.
void count_terms(Store& s, const std::vector<std::string>& norms, int delta);
std::optional<ClaimRecord> get_claim(Store& s, std::int64_t id);

struct SourceRecord {
  std::int64_t id = 0;
  std::string name, category, descriptors;
  std::optional<std::int64_t> merged_into;
  std::int64_t claims = 0, articles = 0;
};
std::vector<SourceRecord> find_sources(Store& s, const std::string& name_part, const std::string& category);

// Throws core::Error for an unknown claim or an invalid verdict.
std::int64_t add_verdict(Store& s, std::int64_t claim, const std::string& verdict, const std::string& note,
                         const std::string& evidence);

struct VerdictRecord {
  std::int64_t id = 0;
  std::string verdict, note, evidence, created_at;
  std::optional<std::int64_t> previous_id;
};
std::vector<VerdictRecord> verdict_history(Store& s, std::int64_t claim);

// A source given by id or by (case-insensitive) name; throws core::Error when
// unknown or ambiguous.
std::int64_t resolve_source(Store& s, const std::string& id_or_name);
// Folds source `from` into `into`: its claims move, the row points to `into`.
void merge_sources(Store& s, std::int64_t into, std::int64_t from);

struct ClaimFix {
  std::optional<std::string> category;
  std::optional<std::string> source;
  bool reject = false;
};
void fix_claim(Store& s, std::int64_t claim, const ClaimFix& fix);

// Every stored article's id, in order.
std::vector<std::int64_t> article_ids(Store& s);

bool has_article(Store& s, std::int64_t id);

// The article stored with exactly this text, if any (the same text is
// stored once).
std::optional<std::int64_t> article_with_text(Store& s, std::string_view text);

struct ArticleRecord {
  std::int64_t id = 0;
  std::string doc, outlet, url, published, headline, text;
  bool published_inferred = false;  // the date was inferred (a dateline's month and day, a year from elsewhere)
  std::string dateline_date;        // the dateline's date as written ("May 2"), when it has one
};
// One article; its text only `with_text`. Throws core::Error for an unknown
// article.
ArticleRecord get_article(Store& s, std::int64_t id, bool with_text = true);

// An article's headline; empty when it has none or is unknown.
std::string article_headline(Store& s, std::int64_t id);

// A later claim speaking to a claim: evidence, as `track` found it (and
// stored it) or `diff` compared it (not stored: id 0).
struct EvidenceLink {
  std::int64_t id = 0;     // the stored link; 0 for a comparison not stored
  std::int64_t claim = 0;  // the earlier claim
  ClaimRecord later;       // the later claim, with its article (doc, outlet, url, published)
  // What this one later claim does to the claim: confirmed | corroborated |
  // updated | contradicted, or restated (the same outlet again, a reprint, a
  // citation of it) and open (a prediction reported not yet done, before its
  // deadline), which address nothing.
  std::string status;
  std::string review = "suggested";  // suggested | confirmed | rejected (a fact-checker's)
  double score = 0;
  std::string old_value, new_value;  // for updated: the claim's value and the later one
  std::string why;
  bool done_report = false;  // (not stored) it reports a prediction done, in time or late
};
// Every stored link of a claim, rejected ones included, in the order found.
std::vector<EvidenceLink> evidence_links(Store& s, std::int64_t claim);

// A claim's status as decided from its evidence (track/status.hpp).
struct DecidedStatus {
  std::string status;  // confirmed | corroborated | updated | contradicted | unaddressed
  bool overdue = false;
  std::int64_t deciding = 0;  // the link that decided it; 0 for none
  std::string note;
};
// Decides one claim's status from all its stored evidence (every link,
// rejected ones included, as evidence_links gives them).
using StatusDecider = std::function<DecidedStatus(std::int64_t claim, const std::vector<EvidenceLink>& evidence)>;

// A fact-checker's review of one evidence link.
struct LinkReview {
  std::string review, previous, reviewer, note, created_at;
};
// Confirms or rejects link `link` (review: confirmed | rejected), keeping
// the history, and decides its claim's status again from all its stored
// evidence, in one transaction. Returns the claim. Throws core::Error for an
// unknown link or review.
std::int64_t review_link(Store& s, std::int64_t link, const std::string& review, const std::string& reviewer,
                         const std::string& note, const StatusDecider& decide);
std::vector<LinkReview> link_reviews(Store& s, std::int64_t link);
// The claim a link belongs to; nullopt for an unknown link.
std::optional<std::int64_t> claim_of_link(Store& s, std::int64_t link);

// A source as one article presents it: its descriptors (JSON: affiliation,
// rank, role, count) and what the article says about it when anonymous.
struct SourceInArticle {
  std::string descriptors;
  std::string reason;       // why it is anonymous, when the article says
  std::string description;  // the sentence describing it
};
SourceInArticle source_in_article(Store& s, std::int64_t article, std::int64_t source);

struct NonResponseRecord {
  std::string kind, who, category, text;
  std::string spans;  // JSON [[start, end], ...] into the article text
};
// An article's non-responses, in order.
std::vector<NonResponseRecord> non_responses_of(Store& s, std::int64_t article);

// An outlet's articles and top-level statements (those in the body, not
// nested) and how many rest on anonymous sources, by month of publication
// ("?" when undated), in order.
struct OutletMonth {
  std::string month;  // YYYY-MM
  // Top-level body statements; of those, with a source; of those, anonymous.
  int articles = 0, statements = 0, with_source = 0, anonymous = 0;
};
std::vector<OutletMonth> outlet_months(Store& s, const std::string& outlet);

}  // namespace claimtrail::store
