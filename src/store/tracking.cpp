#include "store/tracking.hpp"

#include <map>
#include <set>

#include "article/dates.hpp"
#include "store/connection.hpp"

namespace claimtrail::store {

namespace {

// The stored analysis in `column`, if it holds one.
std::optional<match::ClaimAnalysis> stored_analysis(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  const auto* bytes = static_cast<const char*>(column.getBlob());
  return match::decode(std::string_view(bytes, static_cast<std::size_t>(column.getBytes())));
}

// A claim's analysis: the stored one, else made again as ingest makes it.
match::ClaimAnalysis analysis_of(std::optional<match::ClaimAnalysis> stored, const ClaimRecord& rec) {
  if (stored) return std::move(*stored);
  return match::analyse_claim(rec.text, rec.cue, article::parse_iso_date(rec.published).value_or(article::Date{}));
}

// The index ranks its matches alone; only the best few are joined to their
// claims and articles, by primary key.
const std::string& candidate_sql() {
  static const std::string sql =
      "SELECT c.id, c.article_id, c.text, coalesce(c.source_text, ''), coalesce(c.category, ''), c.kind, a.doc, "
      "coalesce(a.outlet, ''), coalesce(a.url, ''), coalesce(a.published, ''), coalesce(c.cue, ''), c.analysis "
      "FROM (SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH :query ORDER BY rank LIMIT :pool) f "
      "JOIN claims c ON c.id = f.id JOIN articles a ON a.id = c.article_id "
      "WHERE c.rejected = 0 AND c.article_id != :base AND "
      "(a.published > :published OR (coalesce(a.published, '') = :published AND a.id > :base) OR "
      "(a.published IS NULL AND a.id > :base)) "
      "LIMIT :limit";
  return sql;
}

}  // namespace

std::vector<AnalysedClaim> analysed_claims_of(Store& s, std::int64_t article) {
  ClaimFilter f;
  f.article = article;
  std::vector<ClaimRecord> claims = find_claims(s, f);
  std::map<std::int64_t, std::optional<match::ClaimAnalysis>> stored;
  auto& q = connection(s).prepared("SELECT id, analysis FROM claims WHERE article_id = ? AND rejected = 0");
  q.bind(1, article);
  while (q.executeStep()) stored.emplace(q.getColumn(0).getInt64(), stored_analysis(q.getColumn(1)));
  q.reset();
  std::vector<AnalysedClaim> out;
  out.reserve(claims.size());
  for (auto& rec : claims) {
    auto it = stored.find(rec.id);
    match::ClaimAnalysis a = analysis_of(it != stored.end() ? std::move(it->second) : std::nullopt, rec);
    out.push_back({std::move(rec), std::move(a)});
  }
  return out;
}

std::vector<AnalysedClaim> candidate_claims(Store& s, const CandidateSearch& search) {
  auto& q = connection(s).prepared(candidate_sql());
  q.bind(":query", search.query);
  q.bind(":base", search.base);
  q.bind(":published", search.published);
  q.bind(":limit", search.limit);
  q.bind(":pool", search.pool);
  std::vector<AnalysedClaim> out;
  while (q.executeStep()) {
    ClaimRecord rec;
    rec.id = q.getColumn(0).getInt64();
    rec.article_id = q.getColumn(1).getInt64();
    rec.text = q.getColumn(2).getString();
    rec.source_text = q.getColumn(3).getString();
    rec.category = q.getColumn(4).getString();
    rec.kind = q.getColumn(5).getString();
    rec.doc = q.getColumn(6).getString();
    rec.outlet = q.getColumn(7).getString();
    rec.url = q.getColumn(8).getString();
    rec.published = q.getColumn(9).getString();
    rec.cue = q.getColumn(10).getString();
    match::ClaimAnalysis a = analysis_of(stored_analysis(q.getColumn(11)), rec);
    out.push_back({std::move(rec), std::move(a)});
  }
  q.reset();
  return out;
}

std::int64_t term_frequency(Store& s, const std::string& term) {
  auto& q = connection(s).prepared("SELECT docs FROM term_docs WHERE term = ?");
  q.bind(1, term);
  const std::int64_t n = q.executeStep() ? q.getColumn(0).getInt64() : 0;
  q.reset();
  return n;
}

std::int64_t max_claim_id(Store& s) { return connection(s).db->execAndGet("SELECT max(id) FROM claims").getInt64(); }

std::vector<IndexedStatement> indexed_statements_of(Store& s, std::int64_t article) {
  return rows_for_id(s, "SELECT norm, analysis, coalesce(cue, '') FROM claims WHERE article_id = ? AND rejected = 0",
                     article, [](SQLite::Statement& q) {
                       auto a = stored_analysis(q.getColumn(1));
                       if (!a) a = match::analyse_claim({}, q.getColumn(2).getString(), {});
                       return IndexedStatement{q.getColumn(0).getString(), std::move(a->cue_words)};
                     });
}

void record_tracking(Store& s, std::int64_t article, const std::vector<std::int64_t>& claims,
                     const std::vector<LinkInput>& links, const StatusDecider& decide) {
  Connection& c = connection(s);
  c.release_statements();
  SQLite::Transaction t(*c.db, SQLite::TransactionBehavior::IMMEDIATE);
  const std::string now = now_utc();
  // What this track did not find again goes, unless a fact-checker reviewed it.
  std::set<std::pair<std::int64_t, std::int64_t>> found;
  for (const auto& l : links) found.insert({l.claim, l.later});
  SQLite::Statement old(*c.db, "SELECT id, later_id FROM claim_links WHERE claim_id = ? AND review = 'suggested'");
  SQLite::Statement undecide(*c.db, "UPDATE claim_status SET deciding_id = NULL WHERE deciding_id = ?");
  SQLite::Statement drop(*c.db, "DELETE FROM claim_links WHERE id = ?");
  for (std::int64_t claim : claims) {
    old.reset();
    old.bind(1, claim);
    std::vector<std::int64_t> stale;
    while (old.executeStep())
      if (!found.count({claim, old.getColumn(1).getInt64()})) stale.push_back(old.getColumn(0).getInt64());
    for (std::int64_t id : stale) {
      undecide.reset();
      undecide.bind(1, id);
      undecide.exec();  // (decided again below)
      drop.reset();
      drop.bind(1, id);
      drop.exec();
    }
  }
  SQLite::Statement link(*c.db,
                         "INSERT INTO claim_links (claim_id, later_id, status, score, old_value, new_value, why, "
                         "found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id, later_id) DO UPDATE SET "
                         "status = excluded.status, score = excluded.score, old_value = excluded.old_value, "
                         "new_value = excluded.new_value, why = excluded.why, found_at = excluded.found_at");
  for (const auto& l : links) {
    link.reset();
    link.clearBindings();
    link.bind(1, l.claim);
    link.bind(2, l.later);
    link.bind(3, l.status);
    link.bind(4, l.score);
    if (!l.old_value.empty()) link.bind(5, l.old_value);
    if (!l.new_value.empty()) link.bind(6, l.new_value);
    if (!l.why.empty()) link.bind(7, l.why);
    link.bind(8, now);
    link.exec();
  }
  for (std::int64_t claim : claims) save_status(s, claim, decide(claim, evidence_links(s, claim)), now);
  SQLite::Statement mark(*c.db, "UPDATE articles SET tracked_at = ? WHERE id = ?");
  mark.bind(1, now);
  mark.bind(2, article);
  mark.exec();
  c.release_statements();
  t.commit();
}

std::vector<std::string> search_plan(Store& s, IndexSearch search) {
  ClaimFilter f;
  f.search = "x";
  SQLite::Statement plan(*connection(s).db,
                         "EXPLAIN QUERY PLAN " + (search == IndexSearch::candidates ? candidate_sql() : claims_sql(f)));
  std::vector<std::string> steps;
  while (plan.executeStep()) steps.push_back(plan.getColumn(3).getString());
  return steps;
}

}  // namespace claimtrail::store
