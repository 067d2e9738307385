// Store::replace_analysis: an article's claims replaced by a new analysis,
// with what hangs on the old claims (verdicts, links, corrections) carried
// over to the new claims that match them.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "article/dates.hpp"
#include "store/connection.hpp"
#include "store/json_columns.hpp"
#include "store/queries.hpp"
#include "store/store.hpp"

namespace claimtrail::store {

namespace {

struct OldClaim {
  std::int64_t id = 0;
  std::string kind, text, spans;
  core::Spans ranges;
  bool fixed = false;  // corrected by `claim fix`
  std::string category, source_text;
  std::optional<std::int64_t> source_id;
  bool anonymous = false, rejected = false;
  bool matters = false;  // holds a verdict, a link or a correction
};

std::size_t overlap(const core::Spans& a, const core::Spans& b) {
  std::size_t n = 0;
  for (const auto& x : a)
    for (const auto& y : b)
      if (x.start < y.end && y.start < x.end) n += std::min(x.end, y.end) - std::max(x.start, y.start);
  return n;
}

std::size_t length(const core::Spans& a) {
  std::size_t n = 0;
  for (const auto& x : a) n += x.size();
  return n;
}

}  // namespace

ReplaceResult Store::replace_analysis(std::int64_t article, const core::Analysis& analysis, const std::string& parser) {
  auto& db = *conn_->db;
  ReplaceResult result;
  try {
    SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
    std::string text, published;
    {
      SQLite::Statement q(db, "SELECT text, coalesce(published, '') FROM articles WHERE id = ?");
      q.bind(1, article);
      if (!q.executeStep()) throw core::Error("", "no article with id " + std::to_string(article));
      text = q.getColumn(0).getString();
      published = q.getColumn(1).getString();
    }
    // The old claims and what hangs on them.
    std::vector<OldClaim> old;
    {
      SQLite::Statement q(
          db,
          "SELECT c.id, c.kind, c.text, c.spans, coalesce(c.category, ''), coalesce(c.source_text, ''), "
          "c.source_id, c.anonymous, c.rejected, "
          "EXISTS (SELECT 1 FROM corrections k WHERE k.action = 'claim_fix' AND k.target = c.id), "
          "EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id) OR "
          "EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id OR l.later_id = c.id) "
          "FROM claims c WHERE c.article_id = ? ORDER BY c.ordinal");
      q.bind(1, article);
      while (q.executeStep()) {
        OldClaim o;
        o.id = q.getColumn(0).getInt64();
        o.kind = q.getColumn(1).getString();
        o.text = q.getColumn(2).getString();
        o.spans = q.getColumn(3).getString();
        o.ranges = parse_spans(o.spans);
        o.category = q.getColumn(4).getString();
        o.source_text = q.getColumn(5).getString();
        if (!q.getColumn(6).isNull()) o.source_id = q.getColumn(6).getInt64();
        o.anonymous = q.getColumn(7).getInt() != 0;
        o.rejected = q.getColumn(8).getInt() != 0;
        o.fixed = q.getColumn(9).getInt() != 0;
        o.matters = o.fixed || q.getColumn(10).getInt() != 0;
        old.push_back(std::move(o));
      }
    }
    result.old_claims = old.size();
    // Old claims out (and out of the index), then the article's per-article
    // sources, non-responses and descriptions; the new analysis in.
    db.exec("CREATE TEMP TABLE IF NOT EXISTS reextract_old (id INTEGER PRIMARY KEY)");
    db.exec("DELETE FROM reextract_old");
    {
      SQLite::Statement ins(db, "INSERT INTO reextract_old (id) VALUES (?)");
      for (const auto& o : old) {
        ins.reset();
        ins.bind(1, o.id);
        ins.exec();
      }
    }
    const std::string prefix = "article:" + std::to_string(article) + ":%";
    const auto pub = article::parse_iso_date(published).value_or(article::Date{});
    // New claims go in first (their ids are new), then the old ones are matched and removed.
    {
      SQLite::Statement q(db, "UPDATE claims SET ordinal = -ordinal WHERE article_id = ?");  // free the ordinals
      q.bind(1, article);
      q.exec();
      SQLite::Statement nr(db, "DELETE FROM non_responses WHERE article_id = ?");
      nr.bind(1, article);
      nr.exec();
      SQLite::Statement sd(db, "DELETE FROM source_descriptions WHERE article_id = ?");
      sd.bind(1, article);
      sd.exec();
      SQLite::Statement src(db, "UPDATE sources SET key = key || ':old' WHERE key LIKE ?");
      src.bind(1, prefix);
      src.exec();
    }
    result.new_claims = store_analysis(article, text, pub, analysis, parser);
    struct NewClaim {
      std::int64_t id;
      std::string kind;
      core::Spans ranges;
    };
    std::vector<NewClaim> fresh;
    {
      SQLite::Statement q(db, "SELECT id, kind, spans FROM claims WHERE article_id = ? AND ordinal > 0");
      q.bind(1, article);
      while (q.executeStep())
        fresh.push_back(
            {q.getColumn(0).getInt64(), q.getColumn(1).getString(), parse_spans(q.getColumn(2).getString())});
    }
    std::vector<bool> taken(fresh.size(), false);
    for (const auto& o : old) {
      // The new claim with the same spans, else the one overlapping most (at
      // least half of each).
      int best = -1;
      std::size_t best_overlap = 0;
      for (std::size_t k = 0; k < fresh.size(); ++k) {
        if (taken[k] || (o.kind == "unattributed") != (fresh[k].kind == "unattributed")) continue;
        const std::size_t ov = overlap(o.ranges, fresh[k].ranges);
        if (fresh[k].ranges == o.ranges) {
          best = static_cast<int>(k);
          break;
        }
        if (2 * ov >= length(o.ranges) && 2 * ov >= length(fresh[k].ranges) && ov > best_overlap) {
          best = static_cast<int>(k);
          best_overlap = ov;
        }
      }
      if (best < 0) {
        if (o.matters) result.not_carried.push_back({o.id, o.text});
        continue;
      }
      taken[static_cast<std::size_t>(best)] = true;
      const std::int64_t to = fresh[static_cast<std::size_t>(best)].id;
      for (const char* sql : {"UPDATE verdicts SET claim_id = ?1 WHERE claim_id = ?2",
                              "UPDATE OR IGNORE claim_links SET claim_id = ?1 WHERE claim_id = ?2",
                              "UPDATE OR IGNORE claim_links SET later_id = ?1 WHERE later_id = ?2",
                              "UPDATE OR IGNORE claim_status SET claim_id = ?1 WHERE claim_id = ?2",
                              "UPDATE corrections SET target = ?1 WHERE action = 'claim_fix' AND target = ?2"}) {
        SQLite::Statement u(db, sql);
        u.bind(1, to);
        u.bind(2, o.id);
        u.exec();
      }
      if (o.fixed || o.rejected) {  // a correction outlives the parser
        SQLite::Statement u(
            db,
            "UPDATE claims SET category = ?, source_text = ?, source_id = ?, anonymous = ?, rejected = ? "
            "WHERE id = ?");
        u.bind(1, o.category);
        u.bind(2, o.source_text);
        if (o.source_id)
          u.bind(3, *o.source_id);
        else
          u.bind(3);
        u.bind(4, o.anonymous ? 1 : 0);
        u.bind(5, o.rejected ? 1 : 0);
        u.bind(6, to);
        u.exec();
      }
      if (o.matters) ++result.carried;
    }
    // Whatever still points at an old claim goes with it.
    db.exec(
        "DELETE FROM link_reviews WHERE link_id IN (SELECT id FROM claim_links WHERE claim_id IN "
        "(SELECT id FROM reextract_old) OR later_id IN (SELECT id FROM reextract_old))");
    db.exec(
        "UPDATE claim_status SET deciding_id = NULL WHERE deciding_id IN (SELECT id FROM claim_links WHERE "
        "claim_id IN (SELECT id FROM reextract_old) OR later_id IN (SELECT id FROM reextract_old))");
    db.exec(
        "DELETE FROM claim_links WHERE claim_id IN (SELECT id FROM reextract_old) OR "
        "later_id IN (SELECT id FROM reextract_old)");
    db.exec("DELETE FROM claim_status WHERE claim_id IN (SELECT id FROM reextract_old)");
    db.exec("DELETE FROM verdicts WHERE claim_id IN (SELECT id FROM reextract_old)");
    {
      std::vector<std::string> norms;
      SQLite::Statement q(db, "SELECT norm FROM claims WHERE id IN (SELECT id FROM reextract_old)");
      while (q.executeStep()) norms.push_back(q.getColumn(0).getString());
      count_terms(*this, norms, -1);
    }
    db.exec(
        "INSERT INTO claims_fts (claims_fts, rowid, norm) SELECT 'delete', id, norm FROM claims "
        "WHERE id IN (SELECT id FROM reextract_old)");
    db.exec("UPDATE claims SET parent_id = NULL WHERE id IN (SELECT id FROM reextract_old)");
    db.exec("DELETE FROM claims WHERE id IN (SELECT id FROM reextract_old)");
    {
      SQLite::Statement src(db,
                            "DELETE FROM sources WHERE key LIKE ? AND key LIKE '%:old' AND id NOT IN "
                            "(SELECT source_id FROM claims WHERE source_id IS NOT NULL) AND merged_into IS NULL "
                            // (a source another was merged into stays: the merge points at it)
                            "AND id NOT IN (SELECT merged_into FROM sources WHERE merged_into IS NOT NULL)");
      src.bind(1, prefix);
      src.exec();
      SQLite::Statement parser_of(db, "UPDATE articles SET parser = ? WHERE id = ?");
      parser_of.bind(1, parser);
      parser_of.bind(2, article);
      parser_of.exec();
    }
    conn_->release_statements();
    t.commit();
  } catch (const SQLite::Exception& e) {
    conn_->release_statements();
    throw StoreError(path_, describe_sqlite_error(e.getErrorCode(), e.what()));
  }
  return result;
}

}  // namespace claimtrail::store
