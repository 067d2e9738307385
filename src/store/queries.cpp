#include "store/queries.hpp"
#include "core/categories.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/error.hpp"
#include "match/statement.hpp"
#include "store/connection.hpp"

namespace claimtrail::store {

namespace {

using nlohmann::json;

// The tracking status of claim c (of article a), as SQL: the one decided
// from all its evidence and stored (claim_status, track/status.hpp).
constexpr const char* kStatusSql =
    "CASE WHEN c.rejected THEN 'rejected' WHEN cs.status IS NOT NULL THEN cs.status "
    "WHEN a.tracked_at IS NOT NULL THEN 'unaddressed' ELSE 'untracked' END";

constexpr const char* kClaimColumns =
    "c.id, c.article_id, a.doc, coalesce(a.outlet, ''), coalesce(a.url, ''), coalesce(a.published, ''), c.kind, "
    "c.in_headline, c.parent_id, c.text, coalesce(c.cue, ''), c.source_id, coalesce(c.source_text, ''), "
    "coalesce(s.name, ''), coalesce(c.category, ''), c.anonymous, c.hedges, c.dates, c.rejected, c.spans, "
    "coalesce(c.cue_spans, '[]'), coalesce(c.source_spans, '[]'), ";

ClaimRecord read_claim(SQLite::Statement& q) {
  ClaimRecord r;
  int i = 0;
  r.id = q.getColumn(i++).getInt64();
  r.article_id = q.getColumn(i++).getInt64();
  r.doc = q.getColumn(i++).getString();
  r.outlet = q.getColumn(i++).getString();
  r.url = q.getColumn(i++).getString();
  r.published = q.getColumn(i++).getString();
  r.kind = q.getColumn(i++).getString();
  r.in_headline = q.getColumn(i++).getInt() != 0;
  if (!q.getColumn(i).isNull()) r.parent_id = q.getColumn(i).getInt64();
  ++i;
  r.text = q.getColumn(i++).getString();
  r.cue = q.getColumn(i++).getString();
  if (!q.getColumn(i).isNull()) r.source_id = q.getColumn(i).getInt64();
  ++i;
  r.source_text = q.getColumn(i++).getString();
  r.source_name = q.getColumn(i++).getString();
  r.category = q.getColumn(i++).getString();
  r.anonymous = q.getColumn(i++).getInt() != 0;
  r.hedges = q.getColumn(i++).getString();
  r.dates = q.getColumn(i++).getString();
  r.rejected = q.getColumn(i++).getInt() != 0;
  r.spans = q.getColumn(i++).getString();
  r.cue_spans = q.getColumn(i++).getString();
  r.source_spans = q.getColumn(i++).getString();
  r.status = q.getColumn(i++).getString();
  if (!q.getColumn(i).isNull()) r.verdict = q.getColumn(i).getString();
  ++i;
  if (!q.getColumn(i).isNull()) r.verdict_note = q.getColumn(i).getString();
  ++i;
  if (!q.getColumn(i).isNull()) r.verdict_at = q.getColumn(i).getString();
  ++i;
  if (!q.getColumn(i).isNull()) r.verdict_evidence = q.getColumn(i).getString();
  ++i;
  r.overdue = q.getColumn(i++).getInt() != 0;
  r.status_note = q.getColumn(i++).getString();
  return r;
}

std::string claim_select() {
  return std::string("SELECT ") + kClaimColumns + kStatusSql +
         " AS status, v.verdict AS verdict, v.note, v.created_at, v.evidence, "
         "coalesce(cs.overdue, 0) AS overdue, coalesce(cs.note, '') AS status_note "
         "FROM claims c JOIN articles a ON a.id = c.article_id "
         "LEFT JOIN sources s ON s.id = c.source_id "
         "LEFT JOIN verdicts v ON v.id = (SELECT max(id) FROM verdicts WHERE claim_id = c.id) "
         "LEFT JOIN claim_status cs ON cs.claim_id = c.id AND c.rejected = 0 ";
}

// The index's tokenizer (FTS5's unicode61 with its defaults, as claims_fts
// uses it), through a private in-memory connection: a search is split into
// exactly the tokens the index holds. (A normalised word such as "o'brien"
// or "x.q." is two tokens there; quoted as one it would be a phrase, which
// an index without positions refuses.)
class IndexTokenizer {
 public:
  IndexTokenizer() {
    if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) fail();
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
      sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
      sqlite3_step(st);
    }
    sqlite3_finalize(st);
    void* context = nullptr;
    if (!api || api->xFindTokenizer(api, "unicode61", &context, &module_) != SQLITE_OK ||
        module_.xCreate(context, nullptr, 0, &tokenizer_) != SQLITE_OK)
      fail();
  }
  ~IndexTokenizer() {
    if (tokenizer_) module_.xDelete(tokenizer_);
    sqlite3_close(db_);
  }
  IndexTokenizer(const IndexTokenizer&) = delete;
  IndexTokenizer& operator=(const IndexTokenizer&) = delete;

  std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    const std::lock_guard lock(mutex_);  // the tokenizer keeps a buffer
    module_.xTokenize(tokenizer_, &out, FTS5_TOKENIZE_QUERY, text.data(),
                      static_cast<int>(std::min<std::size_t>(text.size(), INT_MAX)),
                      [](void* ctx, int, const char* token, int n, int, int) {
                        auto* tokens = static_cast<std::vector<std::string>*>(ctx);
                        if (n > 0) tokens->emplace_back(token, static_cast<std::size_t>(n));
                        return SQLITE_OK;
                      });
    return out;
  }

 private:
  [[noreturn]] void fail() {
    sqlite3_close(db_);
    throw std::runtime_error("SQLite has no FTS5 unicode61 tokenizer");
  }
  sqlite3* db_ = nullptr;
  fts5_tokenizer module_{};
  Fts5Tokenizer* tokenizer_ = nullptr;
  std::mutex mutex_;
};

json snapshot(SQLite::Database& db, std::int64_t claim) {
  SQLite::Statement q(db, "SELECT category, anonymous, source_id, source_text, rejected FROM claims WHERE id = ?");
  q.bind(1, claim);
  json j = json::object();
  if (q.executeStep()) {
    j["category"] = q.getColumn(0).isNull() ? json(nullptr) : json(q.getColumn(0).getString());
    j["anonymous"] = q.getColumn(1).getInt() != 0;
    j["source_id"] = q.getColumn(2).isNull() ? json(nullptr) : json(q.getColumn(2).getInt64());
    j["source_text"] = q.getColumn(3).isNull() ? json(nullptr) : json(q.getColumn(3).getString());
    j["rejected"] = q.getColumn(4).getInt() != 0;
  }
  return j;
}

void record_correction(SQLite::Database& db, const std::string& action, std::int64_t target, const json& before,
                       const json& after) {
  SQLite::Statement ins(db,
                        "INSERT INTO corrections (action, target, before, after, created_at) VALUES (?, ?, ?, ?, ?)");
  ins.bind(1, action);
  ins.bind(2, target);
  ins.bind(3, before.dump());
  ins.bind(4, after.dump());
  ins.bind(5, now_utc());
  ins.exec();
}

}  // namespace

std::string fts_quote(std::string_view term) {
  std::string quoted = "\"";
  for (char c : term) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

namespace {

IndexTokenizer& index_tokenizer() {
  static IndexTokenizer tokenizer;
  return tokenizer;
}

}  // namespace

std::vector<std::string> index_terms(std::string_view text) {
  std::vector<std::string> terms = index_tokenizer().tokens(text);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

void count_terms(Store& s, const std::vector<std::string>& norms, int delta) {
  std::map<std::string, int> counts;
  for (const auto& norm : norms)
    for (auto& t : index_terms(norm)) counts[std::move(t)] += delta;
  auto& up = connection(s).prepared(
      "INSERT INTO term_docs (term, docs) VALUES (?1, ?2) ON CONFLICT (term) DO UPDATE SET docs = docs + ?2");
  auto& gone = connection(s).prepared("DELETE FROM term_docs WHERE term = ? AND docs <= 0");
  for (const auto& [term, n] : counts) {
    up.reset();
    up.bind(1, term);
    up.bind(2, n);
    up.exec();
    if (n < 0) {
      gone.reset();
      gone.bind(1, term);
      gone.exec();
    }
  }
}

std::optional<std::string> fts_query(std::string_view words) {
  std::string q;
  std::set<std::string> seen;
  for (const auto& token : index_tokenizer().tokens(match::analyse_statement(words).norm()))
    if (seen.insert(token).second) q += (q.empty() ? "" : " AND ") + fts_quote(token);
  if (q.empty()) return std::nullopt;
  return q;
}

bool is_status(std::string_view s) {
  return std::any_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* x) { return s == x; });
}

int status_rank(std::string_view status) {
  if (status == "contradicted") return 4;
  if (status == "updated") return 3;
  if (status == "confirmed") return 2;
  if (status == "corroborated") return 1;
  return 0;
}

bool is_verdict(std::string_view s) {
  return std::any_of(std::begin(kVerdicts), std::end(kVerdicts), [&](const char* x) { return s == x; });
}

std::string claims_sql(const ClaimFilter& f) {
  std::string sql = claim_select() + "WHERE 1 = 1";
  if (!f.include_rejected && f.status != "rejected") sql += " AND c.rejected = 0";
  if (f.article) sql += " AND c.article_id = :article";
  if (!f.source.empty())
    sql +=
        " AND (s.name LIKE :source OR c.source_text LIKE :source OR "
        "c.source_id IN (SELECT id FROM sources WHERE merged_into IN "
        "(SELECT id FROM sources WHERE name LIKE :source)))";
  if (!f.category.empty())
    sql += f.category == "unattributed" ? " AND c.kind = 'unattributed'" : " AND c.category = :category";
  if (f.anonymous_only) sql += " AND c.anonymous = 1";
  if (!f.search.empty()) sql += " AND c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :search)";
  // status and verdict are computed columns: filter around the query.
  std::string outer = "SELECT * FROM (" + sql + ") WHERE 1 = 1";
  if (!f.status.empty()) outer += " AND status = :status";
  if (!f.verdict.empty()) outer += " AND verdict = :verdict";
  return outer + " ORDER BY article_id, id";
}

std::vector<ClaimRecord> find_claims(Store& s, const ClaimFilter& f) {
  SQLite::Statement q(*connection(s).db, claims_sql(f));
  if (f.article) q.bind(":article", *f.article);
  if (!f.source.empty()) q.bind(":source", "%" + f.source + "%");
  if (!f.category.empty() && f.category != "unattributed") q.bind(":category", f.category);
  if (!f.search.empty()) {
    const auto fq = fts_query(f.search);
    if (!fq) return {};  // nothing searchable: nothing found
    q.bind(":search", *fq);
  }
  if (!f.status.empty()) q.bind(":status", f.status);
  if (!f.verdict.empty()) q.bind(":verdict", f.verdict);
  std::vector<ClaimRecord> out;
  while (q.executeStep()) out.push_back(read_claim(q));
  return out;
}

std::optional<ClaimRecord> get_claim(Store& s, std::int64_t id) {
  auto& q = connection(s).prepared(claim_select() + "WHERE c.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  ClaimRecord r = read_claim(q);
  q.reset();
  return r;
}

std::vector<SourceRecord> find_sources(Store& s, const std::string& name_part, const std::string& category) {
  auto& db = *connection(s).db;
  std::string sql =
      "SELECT s.id, s.name, s.category, s.descriptors, s.merged_into, "
      "(SELECT count(*) FROM claims c WHERE c.source_id = s.id AND c.rejected = 0), "
      "(SELECT count(DISTINCT c.article_id) FROM claims c WHERE c.source_id = s.id AND c.rejected = 0) "
      "FROM sources s WHERE 1 = 1";
  if (!name_part.empty()) sql += " AND s.name LIKE :name";
  if (!category.empty()) sql += " AND s.category = :category";
  sql += " ORDER BY s.category, s.name COLLATE NOCASE, s.id";
  SQLite::Statement q(db, sql);
  if (!name_part.empty()) q.bind(":name", "%" + name_part + "%");
  if (!category.empty()) q.bind(":category", category);
  std::vector<SourceRecord> out;
  while (q.executeStep()) {
    SourceRecord r;
    r.id = q.getColumn(0).getInt64();
    r.name = q.getColumn(1).getString();
    r.category = q.getColumn(2).getString();
    r.descriptors = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) r.merged_into = q.getColumn(4).getInt64();
    r.claims = q.getColumn(5).getInt64();
    r.articles = q.getColumn(6).getInt64();
    out.push_back(std::move(r));
  }
  return out;
}

std::int64_t add_verdict(Store& s, std::int64_t claim, const std::string& verdict, const std::string& note,
                         const std::string& evidence) {
  if (!is_verdict(verdict))
    throw core::Error("", "invalid verdict '" + verdict + "' (confirmed, refuted, disputed or unverified)");
  auto& db = *connection(s).db;
  SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (!get_claim(s, claim)) throw core::Error("", "no claim with id " + std::to_string(claim));
  std::optional<std::int64_t> previous;
  {
    SQLite::Statement q(db, "SELECT max(id) FROM verdicts WHERE claim_id = ?");
    q.bind(1, claim);
    if (q.executeStep() && !q.getColumn(0).isNull()) previous = q.getColumn(0).getInt64();
  }
  SQLite::Statement ins(db,
                        "INSERT INTO verdicts (claim_id, verdict, note, evidence, previous_id, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
  ins.bind(1, claim);
  ins.bind(2, verdict);
  ins.bind(3, note);
  if (!evidence.empty()) ins.bind(4, evidence);
  if (previous) ins.bind(5, *previous);
  ins.bind(6, now_utc());
  ins.exec();
  const std::int64_t id = db.getLastInsertRowid();
  t.commit();
  return id;
}

std::vector<VerdictRecord> verdict_history(Store& s, std::int64_t claim) {
  auto& db = *connection(s).db;
  SQLite::Statement q(db,
                      "SELECT id, verdict, note, coalesce(evidence, ''), created_at, previous_id FROM verdicts "
                      "WHERE claim_id = ? ORDER BY id");
  q.bind(1, claim);
  std::vector<VerdictRecord> out;
  while (q.executeStep()) {
    VerdictRecord v;
    v.id = q.getColumn(0).getInt64();
    v.verdict = q.getColumn(1).getString();
    v.note = q.getColumn(2).getString();
    v.evidence = q.getColumn(3).getString();
    v.created_at = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) v.previous_id = q.getColumn(5).getInt64();
    out.push_back(std::move(v));
  }
  return out;
}

std::int64_t resolve_source(Store& s, const std::string& id_or_name) {
  auto& db = *connection(s).db;
  if (!id_or_name.empty() &&
      std::all_of(id_or_name.begin(), id_or_name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    SQLite::Statement q(db, "SELECT id FROM sources WHERE id = ?");
    q.bind(1, static_cast<std::int64_t>(std::stoll(id_or_name)));
    if (q.executeStep()) return q.getColumn(0).getInt64();
    throw core::Error("", "no source with id " + id_or_name);
  }
  SQLite::Statement q(db, "SELECT id, category FROM sources WHERE name = ? COLLATE NOCASE AND merged_into IS NULL");
  q.bind(1, id_or_name);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  if (ids.empty()) throw core::Error("", "no source named '" + id_or_name + "' (see 'claimtrail sources')");
  if (ids.size() > 1) {
    std::string list;
    for (auto id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
    throw core::Error("", "several sources are named '" + id_or_name + "' (ids " + list + "): give an id");
  }
  return ids[0];
}

void merge_sources(Store& s, std::int64_t into, std::int64_t from) {
  if (into == from) throw core::Error("", "a source cannot be merged into itself");
  auto& db = *connection(s).db;
  SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
  auto row = [&](std::int64_t id) {
    SQLite::Statement q(db, "SELECT name, category, merged_into FROM sources WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw core::Error("", "no source with id " + std::to_string(id));
    return json{{"id", id},
                {"name", q.getColumn(0).getString()},
                {"category", q.getColumn(1).getString()},
                {"merged_into", q.getColumn(2).isNull() ? json(nullptr) : json(q.getColumn(2).getInt64())}};
  };
  const json a = row(into), b = row(from);
  if (!a["merged_into"].is_null()) throw core::Error("", "source " + std::to_string(into) + " was itself merged");
  SQLite::Statement moved(db, "UPDATE claims SET source_id = ? WHERE source_id = ?");
  moved.bind(1, into);
  moved.bind(2, from);
  const int n = moved.exec();
  SQLite::Statement nr(db, "UPDATE non_responses SET source_id = ? WHERE source_id = ?");
  nr.bind(1, into);
  nr.bind(2, from);
  nr.exec();
  SQLite::Statement later(db, "UPDATE sources SET merged_into = ? WHERE id = ? OR merged_into = ?");
  later.bind(1, into);
  later.bind(2, from);
  later.bind(3, from);
  later.exec();
  record_correction(db, "source_merge", from, b, json{{"merged_into", a}, {"claims_moved", n}});
  t.commit();
}

void fix_claim(Store& s, std::int64_t claim, const ClaimFix& fix) {
  using C = core::SourceCategory;
  auto& db = *connection(s).db;
  SQLite::Transaction t(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (!get_claim(s, claim)) throw core::Error("", "no claim with id " + std::to_string(claim));
  const json before = snapshot(db, claim);
  if (fix.category) {
    const std::string& c = *fix.category;
    const core::CategoryFacts* f = core::facts(c);
    if (!f) {
      std::string names;
      for (const auto& k : core::categories()) names += (names.empty() ? "" : ", ") + std::string(k.name);
      throw core::Error("", "invalid category '" + c + "' (" + names + ")");
    }
    SQLite::Statement u(db, "UPDATE claims SET category = ?, anonymous = ? WHERE id = ?");
    u.bind(1, c);
    u.bind(2, f->anonymous ? 1 : 0);
    u.bind(3, claim);
    u.exec();
  }
  if (fix.source) {
    // The corrected source: a named one is one row across articles.
    std::string category = fix.category.value_or(before.value("category", json("named_person")).is_string()
                                                     ? before["category"].get<std::string>()
                                                     : std::string("named_person"));
    const bool named = core::facts(category) && core::facts(category)->named;
    std::optional<std::int64_t> sid;
    if (named) {
      const std::string key =
          source_key(category == "named_organization" ? C::named_organization : C::named_person, *fix.source);
      SQLite::Statement ins(db, "INSERT OR IGNORE INTO sources (key, name, category) VALUES (?, ?, ?)");
      ins.bind(1, key);
      ins.bind(2, *fix.source);
      ins.bind(3, category);
      ins.exec();
      SQLite::Statement q(db, "SELECT coalesce(merged_into, id) FROM sources WHERE key = ?");
      q.bind(1, key);
      q.executeStep();
      sid = q.getColumn(0).getInt64();
    }
    SQLite::Statement u(db, "UPDATE claims SET source_text = ?, source_id = ? WHERE id = ?");
    u.bind(1, *fix.source);
    if (sid)
      u.bind(2, *sid);
    else
      u.bind(2);
    u.bind(3, claim);
    u.exec();
  }
  if (fix.reject) {
    SQLite::Statement u(db, "UPDATE claims SET rejected = 1 WHERE id = ?");
    u.bind(1, claim);
    u.exec();
  }
  record_correction(db, "claim_fix", claim, before, snapshot(db, claim));
  t.commit();
}

std::vector<std::int64_t> article_ids(Store& s) {
  auto& q = connection(s).prepared("SELECT id FROM articles ORDER BY id");
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  q.reset();
  return ids;
}

bool has_article(Store& s, std::int64_t id) {
  auto& q = connection(s).prepared("SELECT 1 FROM articles WHERE id = ?");
  q.bind(1, id);
  const bool found = q.executeStep();
  q.reset();
  return found;
}

std::optional<std::int64_t> article_with_text(Store& s, std::string_view text) {
  auto& q = connection(s).prepared("SELECT id, text FROM articles WHERE content_hash = ?");
  q.bind(1, content_hash(text));
  std::optional<std::int64_t> found;
  while (!found && q.executeStep())
    if (q.getColumn(1).getString() == text) found = q.getColumn(0).getInt64();
  q.reset();
  return found;
}

ArticleRecord get_article(Store& s, std::int64_t id, bool with_text) {
  auto& q = connection(s).prepared(
      "SELECT id, doc, coalesce(outlet, ''), coalesce(url, ''), coalesce(published, ''), coalesce(headline, ''), "
      "CASE WHEN ? THEN text ELSE '' END, published_inferred, coalesce(dateline_date, '') FROM articles WHERE id = ?");
  q.bind(1, with_text ? 1 : 0);
  q.bind(2, id);
  if (!q.executeStep()) throw core::Error("", "no article with id " + std::to_string(id));
  ArticleRecord a;
  a.id = q.getColumn(0).getInt64();
  a.doc = q.getColumn(1).getString();
  a.outlet = q.getColumn(2).getString();
  a.url = q.getColumn(3).getString();
  a.published = q.getColumn(4).getString();
  a.headline = q.getColumn(5).getString();
  a.text = q.getColumn(6).getString();
  a.published_inferred = q.getColumn(7).getInt() != 0;
  a.dateline_date = q.getColumn(8).getString();
  q.reset();
  return a;
}

std::string article_headline(Store& s, std::int64_t id) {
  auto& q = connection(s).prepared("SELECT coalesce(headline, '') FROM articles WHERE id = ?");
  q.bind(1, id);
  std::string h = q.executeStep() ? q.getColumn(0).getString() : std::string();
  q.reset();
  return h;
}

std::vector<EvidenceLink> evidence_links(Store& s, std::int64_t claim) {
  std::vector<EvidenceLink> out =
      rows_for_id(s,
                  "SELECT id, later_id, status, review, score, coalesce(old_value, ''), coalesce(new_value, ''), "
                  "coalesce(why, '') FROM claim_links WHERE claim_id = ? ORDER BY id",
                  claim, [&](SQLite::Statement& q) {
                    EvidenceLink e;
                    e.id = q.getColumn(0).getInt64();
                    e.claim = claim;
                    e.later.id = q.getColumn(1).getInt64();
                    e.status = q.getColumn(2).getString();
                    e.review = q.getColumn(3).getString();
                    e.score = q.getColumn(4).getDouble();
                    e.old_value = q.getColumn(5).getString();
                    e.new_value = q.getColumn(6).getString();
                    e.why = q.getColumn(7).getString();
                    return e;
                  });
  std::erase_if(out, [&](EvidenceLink& e) {
    auto rec = get_claim(s, e.later.id);
    if (rec) e.later = std::move(*rec);
    return !rec;
  });
  return out;
}

std::optional<std::int64_t> claim_of_link(Store& s, std::int64_t link) {
  const auto ids = rows_for_id(s, "SELECT claim_id FROM claim_links WHERE id = ?", link,
                               [](SQLite::Statement& q) { return q.getColumn(0).getInt64(); });
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

std::int64_t review_link(Store& s, std::int64_t link, const std::string& review, const std::string& reviewer,
                         const std::string& note, const StatusDecider& decide) {
  if (review != "confirmed" && review != "rejected")
    throw core::Error("", "unknown review '" + review + "' (confirmed or rejected)");
  Connection& c = connection(s);
  c.release_statements();
  SQLite::Transaction t(*c.db, SQLite::TransactionBehavior::IMMEDIATE);
  std::int64_t claim = 0;
  std::string previous;
  {
    SQLite::Statement q(*c.db, "SELECT claim_id, review FROM claim_links WHERE id = ?");
    q.bind(1, link);
    if (!q.executeStep()) throw core::Error("", "no evidence link with id " + std::to_string(link));
    claim = q.getColumn(0).getInt64();
    previous = q.getColumn(1).getString();
  }
  const std::string now = now_utc();
  SQLite::Statement u(*c.db, "UPDATE claim_links SET review = ? WHERE id = ?");
  u.bind(1, review);
  u.bind(2, link);
  u.exec();
  SQLite::Statement h(*c.db,
                      "INSERT INTO link_reviews (link_id, review, previous, reviewer, note, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
  h.bind(1, link);
  h.bind(2, review);
  h.bind(3, previous);
  h.bind(4, reviewer);
  h.bind(5, note);
  h.bind(6, now);
  h.exec();
  save_status(s, claim, decide(claim, evidence_links(s, claim)), now);
  c.release_statements();
  t.commit();
  return claim;
}

std::vector<LinkReview> link_reviews(Store& s, std::int64_t link) {
  return rows_for_id(s,
                     "SELECT review, previous, reviewer, note, created_at FROM link_reviews WHERE link_id = ? "
                     "ORDER BY id",
                     link, [](SQLite::Statement& q) {
                       return LinkReview{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                         q.getColumn(2).getString(), q.getColumn(3).getString(),
                                         q.getColumn(4).getString()};
                     });
}

void save_status(Store& s, std::int64_t claim, const DecidedStatus& d, const std::string& now) {
  auto& q = connection(s).prepared(
      "INSERT INTO claim_status (claim_id, status, overdue, deciding_id, note, decided_at) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (claim_id) DO UPDATE SET status = excluded.status, overdue = excluded.overdue, "
      "deciding_id = excluded.deciding_id, note = excluded.note, decided_at = excluded.decided_at");
  q.bind(1, claim);
  q.bind(2, d.status);
  q.bind(3, d.overdue ? 1 : 0);
  if (d.deciding > 0)
    q.bind(4, d.deciding);
  else
    q.bind(4);
  if (d.note.empty())
    q.bind(5);
  else
    q.bind(5, d.note);
  q.bind(6, now);
  q.exec();
  q.reset();
}

SourceInArticle source_in_article(Store& s, std::int64_t article, std::int64_t source) {
  SourceInArticle r;
  auto& q = connection(s).prepared("SELECT descriptors FROM sources WHERE id = ?");
  q.bind(1, source);
  if (q.executeStep()) r.descriptors = q.getColumn(0).getString();
  q.reset();
  auto& d = connection(s).prepared(
      "SELECT coalesce(reason, ''), text FROM source_descriptions WHERE article_id = ? AND source_id = ?");
  d.bind(1, article);
  d.bind(2, source);
  if (d.executeStep()) {
    r.reason = d.getColumn(0).getString();
    r.description = d.getColumn(1).getString();
  }
  d.reset();
  return r;
}

std::vector<NonResponseRecord> non_responses_of(Store& s, std::int64_t article) {
  return rows_for_id(s,
                     "SELECT n.kind, coalesce(n.who_text, ''), coalesce(s.category, ''), n.text, n.spans "
                     "FROM non_responses n LEFT JOIN sources s ON s.id = n.source_id WHERE n.article_id = ? "
                     "ORDER BY n.id",
                     article, [](SQLite::Statement& q) {
                       return NonResponseRecord{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                                q.getColumn(2).getString(), q.getColumn(3).getString(),
                                                q.getColumn(4).getString()};
                     });
}

std::vector<OutletMonth> outlet_months(Store& s, const std::string& outlet) {
  SQLite::Statement q(*connection(s).db,
                      "SELECT substr(coalesce(a.published, '?'), 1, 7) AS month, count(DISTINCT a.id), "
                      "sum(c.kind != 'unattributed' AND c.in_headline = 0 AND c.parent_id IS NULL), "
                      "sum(c.kind != 'unattributed' AND c.in_headline = 0 AND c.parent_id IS NULL AND "
                      "coalesce(c.source_text, '') != ''), "
                      "sum(c.anonymous AND c.in_headline = 0 AND c.parent_id IS NULL) "
                      "FROM articles a LEFT JOIN claims c ON c.article_id = a.id AND c.rejected = 0 "
                      "WHERE a.outlet = ? COLLATE NOCASE GROUP BY month ORDER BY month");
  q.bind(1, outlet);
  std::vector<OutletMonth> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt(),
                   q.getColumn(3).getInt(), q.getColumn(4).getInt()});
  return out;
}

}  // namespace claimtrail::store
