#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "article/dates.hpp"
#include "core/error.hpp"
#include "core/spans.hpp"
#include "core/version.hpp"
#include "match/claim_analysis.hpp"
#include "store/connection.hpp"
#include "store/queries.hpp"
#include "util/ascii.hpp"
#include "util/embedded.hpp"

namespace claimtrail::store {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// PRAGMA application_id of a claimtrail store: "ClTr".
constexpr int kApplicationId = 0x436C5472;
constexpr int kBusyTimeoutMs = 15000;

// Every table a store's schema (all its migrations) creates: its SQL as
// SQLite keeps it, and its columns (none listed for a virtual table, whose
// columns cannot change). What the migrations make of an empty database,
// built once per process.
struct Table {
  std::string sql;
  std::vector<std::string> columns;
};
using Tables = std::map<std::string, Table>;

// The tables' SQL only (one cheap query); columns when `columns`.
Tables read_tables(SQLite::Database& db, bool columns) {
  Tables out;
  SQLite::Statement q(db,
                      "SELECT name, coalesce(sql, '') FROM sqlite_schema "
                      "WHERE type = 'table' AND name NOT LIKE 'sqlite^_%' ESCAPE '^'");
  while (q.executeStep()) out[q.getColumn(0).getString()].sql = q.getColumn(1).getString();
  if (columns)
    for (auto& [name, t] : out)
      if (t.sql.rfind("CREATE VIRTUAL", 0) != 0) {
        SQLite::Statement c(db, "SELECT name FROM pragma_table_info(?)");
        c.bind(1, name);
        while (c.executeStep()) t.columns.push_back(c.getColumn(0).getString());
      }
  return out;
}

// claimtrail_claim_analysis(text, cue, published): a claim's analysis in its
// stored form (match/claim_analysis.hpp), as ingest makes it; lent to the
// migration that fills it in for the claims of an older store.
void claim_analysis_function(sqlite3_context* context, int, sqlite3_value** argv) {
  auto text_of = [](sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string_view();
  };
  try {
    const auto published = article::parse_iso_date(text_of(argv[2])).value_or(article::Date{});
    const std::string bytes = match::encode(match::analyse_claim(text_of(argv[0]), text_of(argv[1]), published));
    sqlite3_result_blob(context, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

// The functions the migrations call besides SQLite's own.
void lend_migration_functions(SQLite::Database& db) {
  db.createFunction("claimtrail_claim_analysis", 3, true, nullptr, claim_analysis_function);
}

const Tables& expected_tables() {
  static const Tables tables = [] {
    SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    lend_migration_functions(mem);
    for (const auto name : schema_data::names()) mem.exec(std::string(schema_data::get(name)));
    return read_tables(mem, true);
  }();
  return tables;
}

std::string damaged(const std::string& what) {
  return "the store is damaged or was changed outside claimtrail (" + what + "); restore a backup";
}

}  // namespace

std::string describe_sqlite_error(int code, std::string_view message) {
  const std::string msg(message);
  // A table or column the schema promises is gone: someone changed the file.
  for (const auto& [prefix, kind] : {std::pair<std::string_view, std::string_view>{"no such table: ", "table"},
                                     {"no such column: ", "column"},
                                     {"no such fts5 table: ", "table"}}) {
    if (const auto at = message.find(prefix); at != std::string_view::npos) {
      std::string name(message.substr(at + prefix.size()));
      if (name.rfind("main.", 0) == 0) name.erase(0, 5);
      return damaged("missing " + std::string(kind) + " " + name);
    }
  }
  switch (code & 0xff) {
    case SQLITE_NOTADB:
      return "not a claimtrail store (the file is not a SQLite database)";
    case SQLITE_CORRUPT:
      return "the store is corrupt (" + msg + ")";
    case SQLITE_READONLY:
      return "the store is read-only";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the store is locked by another process (gave up after " + std::to_string(kBusyTimeoutMs / 1000) + " s)";
    case SQLITE_CANTOPEN:
      return "cannot open the store (" + msg + ")";
    case SQLITE_FULL:
      return "the disk is full";
    default:
      return msg;
  }
}

namespace {

std::string describe(const SQLite::Exception& e) { return describe_sqlite_error(e.getErrorCode(), e.what()); }

}  // namespace

std::optional<std::string> describe_store_failure(const std::exception& e) {
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) return describe(*sqlite);
  return std::nullopt;
}

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string content_hash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string source_key(core::SourceCategory category, std::string_view name) {
  std::string key = category == core::SourceCategory::named_organization ? "org:" : "person:";
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !key.empty() && key.back() != ':';
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(util::ascii_lower(c));
  }
  return key;
}

int Store::latest_schema_version() { return static_cast<int>(schema_data::names().size()); }

Store::~Store() = default;

Connection& connection(Store& s) { return *s.conn_; }

void Connection::release_statements() {
  for (auto& [sql, st] : statements) st->reset();
}

SQLite::Statement& Connection::prepared(const std::string& sql) {
  auto it = statements.find(sql);
  if (it == statements.end()) it = statements.emplace(sql, std::make_unique<SQLite::Statement>(*db, sql)).first;
  it->second->reset();
  it->second->clearBindings();
  return *it->second;
}

Store::Store(const std::string& path, Access access)
    : conn_(std::make_unique<Connection>()), path_(path), access_(access) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // (follows a symbolic link)
  const bool exists = fs::exists(status);
  if (!exists && access != Access::read_write) throw StoreError(path, "no such store");
  // A device, a directory, a fifo: never opened, never read (a fifo would block).
  if (exists && !fs::is_regular_file(status))
    throw StoreError(path, std::string("not a claimtrail store: not a regular file") +
                               (fs::is_directory(status) ? " (a directory)" : ""));
  // An empty file becomes a store only when asked to store something.
  if (exists && access != Access::read_write && fs::file_size(path, ec) == 0 && !ec)
    throw StoreError(path, "not a claimtrail store (empty file)");
  if (access == Access::update) access_ = access = Access::read_write;
  if (exists) {
    // A non-empty file must start with SQLite's header.
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    if (in.gcount() > 0 &&
        (in.gcount() < 16 || std::string_view(head, 16) != std::string_view("SQLite format 3\0", 16)))
      throw StoreError(path, "not a claimtrail store (the file is not a SQLite database)");
    if (access == Access::read_write && ::access(path.c_str(), W_OK) != 0)
      throw StoreError(path, "the store is read-only (no permission to write it)");
  }
  // Opening races with other processes opening the same new store: switching
  // to WAL and migrating can be refused as busy without waiting, so retry.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      open(path, access);
      return;
    } catch (const SQLite::Exception& e) {
      const int code = e.getErrorCode();
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
        throw StoreError(path, describe(e));
      conn_->db.reset();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
}

void Store::open(const std::string& path, Access access) {
  {
    const int flags =
        access == Access::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    conn_->db = std::make_unique<SQLite::Database>(path, flags, kBusyTimeoutMs);
    // One statement, so one snapshot: read one by one, a process migrating
    // the new store in between would make it look like another application's.
    SQLite::Statement head(*conn_->db,
                           "SELECT (SELECT application_id FROM pragma_application_id), "
                           "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)");
    head.executeStep();
    const int app = head.getColumn(0).getInt();
    const int version = head.getColumn(1).getInt();
    const int tables = head.getColumn(2).getInt();
    head.reset();
    if (app != kApplicationId && (app != 0 || version != 0 || tables != 0))
      throw StoreError(path, "not a claimtrail store (a SQLite database of another application)");
    if (version > latest_schema_version())
      throw StoreError(path, "the store has schema version " + std::to_string(version) +
                                 ", newer than this claimtrail understands (" +
                                 std::to_string(latest_schema_version()) + "): upgrade claimtrail");
    if (access == Access::read_only) {
      if (version < latest_schema_version())
        throw StoreError(path, "the store has an older schema (" + std::to_string(version) +
                                   "); open it once for writing to upgrade it");
    } else {
      conn_->db->exec("PRAGMA journal_mode = WAL");
      conn_->db->exec("PRAGMA synchronous = NORMAL");
      // Checkpoint (and sync) every 40 MB of log rather than every 4 MB: a
      // batch ingest waits on the disk a tenth as often.
      conn_->db->exec("PRAGMA wal_autocheckpoint = 10000");
    }
    conn_->db->exec("PRAGMA foreign_keys = ON");
    conn_->db->exec("PRAGMA cache_size = -65536");  // 64 MiB of pages
    conn_->db->exec("PRAGMA mmap_size = 0");        // mapped pages would count as resident memory
    if (access == Access::read_write) migrate();
    // An existing store must still have what its schema version promises
    // (a table dropped or renamed outside claimtrail would otherwise surface
    // as SQLite's words, half-way through a command).
    if (version > 0) check_tables();
  }
}

void Store::check_tables() {
  // The tables as created (the same SQL) need no closer look: only those
  // missing or altered are checked column by column.
  const Tables& want = expected_tables();
  const Tables have = read_tables(*conn_->db, false);
  std::string missing;
  auto add = [&](const std::string& what) { missing += (missing.empty() ? "" : ", ") + what; };
  for (const auto& [name, table] : want) {
    const auto it = have.find(name);
    if (it == have.end()) {
      add("missing table " + name);
      continue;
    }
    if (it->second.sql == table.sql || table.columns.empty()) continue;
    SQLite::Statement c(*conn_->db, "SELECT name FROM pragma_table_info(?)");
    c.bind(1, name);
    std::vector<std::string> columns;
    while (c.executeStep()) columns.push_back(c.getColumn(0).getString());
    for (const auto& col : table.columns)
      if (std::find(columns.begin(), columns.end(), col) == columns.end()) add("missing column " + name + "." + col);
  }
  if (!missing.empty()) throw StoreError(path_, damaged(missing));
}

int Store::schema_version() const { return conn_->db->execAndGet("PRAGMA user_version").getInt(); }

void Store::migrate() {
  const auto names = schema_data::names();
  if (schema_version() < static_cast<int>(names.size())) lend_migration_functions(*conn_->db);
  for (int v = schema_version(); v < static_cast<int>(names.size()); ++v) {
    SQLite::Transaction t(*conn_->db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated while this one waited for the lock.
    if (conn_->db->execAndGet("PRAGMA user_version").getInt() > v) continue;
    conn_->db->exec(std::string(schema_data::get(names[static_cast<std::size_t>(v)])));
    conn_->db->exec("PRAGMA user_version = " + std::to_string(v + 1));
    conn_->db->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    t.commit();
  }
}

namespace {

// Looks up or creates the source row for one source of an article.
class SourceRows {
 public:
  SourceRows(Store& store, std::int64_t article, const core::Analysis& a, std::string_view text)
      : store_(store), article_(article), a_(a), text_(text) {}

  std::optional<std::int64_t> row(const core::Source& s) {
    if (s.spans.empty() && s.entity < 0) return std::nullopt;  // (a floating quotation's speaker has an entity)
    using C = core::SourceCategory;
    const bool named = s.category == C::named_person || s.category == C::named_organization;
    std::string name = s.entity >= 0 && static_cast<std::size_t>(s.entity) < a_.entities.size()
                           ? a_.entities[static_cast<std::size_t>(s.entity)].name
                           : core::span_text(text_, s.spans);
    std::string key;
    if (named) {
      key = source_key(s.category, name);
      // A surname alone: the one stored person with that surname, if only one.
      if (s.category == C::named_person && name.find(' ') == std::string::npos) {
        auto& q = connection(store_).prepared(
            "SELECT key FROM sources WHERE surname = ? AND category = 'named_person' LIMIT 2");
        q.bind(1, key.substr(7));
        std::vector<std::string> found;
        while (q.executeStep()) found.push_back(q.getColumn(0).getString());
        if (found.size() == 1) key = found[0];
      }
    } else {
      key = "article:" + std::to_string(article_) + ":" +
            (s.entity >= 0 ? "e" + std::to_string(s.entity + 1) : "s" + std::to_string(s.spans.front().start));
    }
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    json d = json::object();
    if (!s.descriptors.affiliation.empty()) d["affiliation"] = s.descriptors.affiliation;
    if (!s.descriptors.rank.empty()) d["rank"] = s.descriptors.rank;
    if (!s.descriptors.role.empty()) d["role"] = s.descriptors.role;
    if (s.descriptors.count)
      d["count"] = *s.descriptors.count;
    else if (!s.descriptors.count_word.empty())
      d["count_word"] = s.descriptors.count_word;
    if (!named) {  // one row per article entity: new here
      auto& ins =
          connection(store_).prepared("INSERT INTO sources (key, name, category, descriptors) VALUES (?, ?, ?, ?)");
      ins.bind(1, key);
      ins.bind(2, name);
      ins.bind(3, std::string(core::to_string(s.category)));
      ins.bind(4, d.dump());
      ins.exec();
      return cache_[key] = connection(store_).db->getLastInsertRowid();
    }
    auto& ins = connection(store_).prepared(
        "INSERT INTO sources (key, name, category, descriptors, surname) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET name = CASE WHEN length(excluded.name) > length(name) "
        "THEN excluded.name ELSE name END");
    ins.bind(1, key);
    ins.bind(2, name);
    ins.bind(3, std::string(core::to_string(s.category)));
    ins.bind(4, d.dump());
    if (s.category == C::named_person && key.rfind(' ') != std::string::npos)
      ins.bind(5, key.substr(key.rfind(' ') + 1));
    ins.exec();
    auto& q = connection(store_).prepared("SELECT coalesce(merged_into, id) FROM sources WHERE key = ?");
    q.bind(1, key);
    q.executeStep();
    const std::int64_t id = q.getColumn(0).getInt64();
    cache_[key] = id;
    return id;
  }

  // The source row of an entity that is not itself a quoted source (a
  // described group).
  std::optional<std::int64_t> entity_row(int e) {
    if (e < 0 || static_cast<std::size_t>(e) >= a_.entities.size()) return std::nullopt;
    core::Source s;
    s.entity = e;
    s.category = a_.entities[static_cast<std::size_t>(e)].category;
    if (a_.entities[static_cast<std::size_t>(e)].mentions.empty()) return std::nullopt;
    s.spans = {a_.entities[static_cast<std::size_t>(e)].mentions.front()};
    return row(s);
  }

 private:
  Store& store_;
  std::int64_t article_;
  const core::Analysis& a_;
  std::string_view text_;
  std::map<std::string, std::int64_t> cache_;
};

void bind_opt(SQLite::Statement& st, int i, const std::string& v) {
  if (v.empty())
    st.bind(i);
  else
    st.bind(i, v);
}

}  // namespace

std::size_t Store::store_analysis(std::int64_t article, std::string_view text, const article::Date& pub,
                                  const core::Analysis& a, const std::string& parser, const ClaimAnalyses* ready) {
  SourceRows sources(*this, article, a, text);
  auto& claim = conn_->prepared(
      "INSERT INTO claims (article_id, ordinal, kind, parent_id, in_headline, text, spans, cue, "
      "source_id, source_text, source_spans, category, anonymous, hedges, dates, norm, parser, "
      "cue_spans, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::vector<std::int64_t> ids;
  std::vector<std::string> norms;  // what the index holds of each claim
  int ordinal = 0;
  auto add = [&](const std::string& kind, std::optional<std::int64_t> parent, bool headline_claim,
                 const core::Spans& content, const core::Spans& cue, const core::Source* src,
                 const std::vector<core::Span>& hedges) {
    const std::string statement = core::span_text(text, content);
    const std::string cue_text = cue.empty() ? std::string() : core::span_text(text, cue);
    const std::size_t n = static_cast<std::size_t>(ordinal);  // this claim's place in store order
    const match::ClaimAnalysis analysis =
        ready && n < ready->claims.size() ? ready->claims[n] : match::analyse_claim(statement, cue_text, pub);
    const match::Statement& st = analysis.statement;
    json hj = json::array();
    for (const auto& h : hedges) hj.push_back(core::span_text(text, h));
    json dj = json::array();
    for (const auto& d : st.dates) dj.push_back({{"text", d.text}, {"value", d.value.iso()}, {"deadline", d.deadline}});
    claim.reset();
    claim.clearBindings();
    claim.bind(1, article);
    claim.bind(2, ++ordinal);
    claim.bind(3, kind);
    if (parent) claim.bind(4, *parent);
    claim.bind(5, headline_claim ? 1 : 0);
    claim.bind(6, statement);
    claim.bind(7, core::spans_json(content).dump());
    if (!cue.empty()) {
      claim.bind(8, cue_text);
      claim.bind(18, core::spans_json(cue).dump());
    }
    if (src) {
      if (auto sid = sources.row(*src)) claim.bind(9, *sid);
      // A floating quotation's speaker has no words here: its entity's name.
      const bool implied =
          src->spans.empty() && src->entity >= 0 && static_cast<std::size_t>(src->entity) < a.entities.size();
      claim.bind(10,
                 implied ? a.entities[static_cast<std::size_t>(src->entity)].name : core::span_text(text, src->spans));
      claim.bind(11, core::spans_json(src->spans).dump());
      claim.bind(12, std::string(core::to_string(src->category)));
      claim.bind(13, src->anonymous ? 1 : 0);
    } else {
      claim.bind(13, 0);
    }
    claim.bind(14, hj.dump());
    claim.bind(15, dj.dump());
    // The index holds the cue's words too: "announced" in "X announced
    // that ..." is what a prediction of an announcement looks for.
    std::string norm = st.norm();
    for (const auto& form : analysis.cue_words) norm += " " + form;
    claim.bind(16, norm);
    norms.push_back(norm);
    claim.bind(17, parser);
    const std::string stored = match::encode(analysis);
    claim.bind(19, stored.data(), static_cast<int>(stored.size()));
    claim.exec();
    ids.push_back(conn_->db->getLastInsertRowid());
  };
  for (const auto& at : a.attributions) {
    std::optional<std::int64_t> parent;
    if (at.parent >= 0 && static_cast<std::size_t>(at.parent) < ids.size())
      parent = ids[static_cast<std::size_t>(at.parent)];
    add(std::string(core::to_string(at.kind)), parent, at.in_headline, at.content, at.cue,
        at.source ? &*at.source : nullptr, at.hedges);
  }
  for (const auto& u : a.unattributed) add("unattributed", std::nullopt, false, {u}, {}, nullptr, {});
  {
    auto& fts = conn_->prepared(
        "INSERT INTO claims_fts (rowid, norm) SELECT id, norm FROM claims WHERE article_id = ? AND ordinal > 0");
    fts.bind(1, article);
    fts.exec();
    count_terms(*this, norms, 1);
  }
  {
    auto& ins = conn_->prepared(
        "INSERT INTO non_responses (article_id, kind, who_text, source_id, text, spans) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& n : a.non_responses) {
      ins.reset();
      ins.clearBindings();
      ins.bind(1, article);
      ins.bind(2, std::string(core::to_string(n.kind)));
      if (!n.who.spans.empty()) {
        ins.bind(3, core::span_text(text, n.who.spans));
        if (auto sid = sources.row(n.who)) ins.bind(4, *sid);
      }
      ins.bind(5, core::span_text(text, n.span));
      ins.bind(6, core::spans_json({n.span}).dump());
      ins.exec();
    }
  }
  {
    auto& ins = conn_->prepared(
        "INSERT INTO source_descriptions (article_id, source_id, members, total, reason, text) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& d : a.source_descriptions) {
      ins.reset();
      ins.clearBindings();
      ins.bind(1, article);
      if (auto sid = sources.entity_row(d.group)) ins.bind(2, *sid);
      json members = json::array();
      for (const auto& m : d.members)
        members.push_back(
            {{"count", m.count ? json(*m.count) : json(nullptr)}, {"text", core::span_text(text, m.span)}});
      ins.bind(3, members.dump());
      if (d.total) ins.bind(4, *d.total);
      if (d.reason) ins.bind(5, core::span_text(text, *d.reason));
      ins.bind(6, core::span_text(text, d.span));
      ins.exec();
    }
  }
  return ids.size();
}

namespace {

// The publication date ingest stores: the article's, else its dateline's
// when that has a day and a year. A dateline without a year ("May 2") takes
// the year of a publication date known only to its year or month, and that
// date is inferred (docs/status-rules.md, section 5).
struct Publication {
  std::string published;
  bool inferred = false;
};
Publication publication_of(const ArticleInput& in, const core::Analysis& a) {
  Publication p{in.published, false};
  if (!a.dateline || a.dateline->date.empty()) return p;
  const auto given = article::parse_iso_date(in.published);
  if (p.published.empty()) {
    if (auto d = article::parse_date(a.dateline->date); d && d->day > 0) p.published = d->iso();
  } else if (given && given->day == 0) {
    const article::Date ref{given->year, given->month > 0 ? given->month : 0, 0};
    if (auto d = article::parse_date(a.dateline->date, ref);
        d && d->day > 0 && d->year == given->year && (given->month == 0 || d->month == given->month)) {
      p.published = d->iso();
      p.inferred = true;
    }
  }
  return p;
}

}  // namespace

ArticleInput article_input(const article::Article& a, const article::Metadata& m) {
  ArticleInput in;
  in.doc = m.id.empty() ? a.name : m.id;
  in.text = a.text;
  in.outlet = m.outlet;
  in.url = m.url;
  in.headline = m.headline;
  in.published = m.published;
  return in;
}

ClaimAnalyses analyse_claims(const ArticleInput& in, const core::Analysis& a) {
  const auto pub = article::parse_iso_date(publication_of(in, a).published).value_or(article::Date{});
  ClaimAnalyses out;
  out.claims.reserve(a.attributions.size() + a.unattributed.size());
  for (const auto& at : a.attributions)
    out.claims.push_back(match::analyse_claim(core::span_text(in.text, at.content),
                                              at.cue.empty() ? std::string() : core::span_text(in.text, at.cue), pub));
  for (const auto& u : a.unattributed) out.claims.push_back(match::analyse_claim(core::span_text(in.text, u), {}, pub));
  return out;
}

IngestResult Store::ingest(const ArticleInput& in, const core::Analysis& a, const ClaimAnalyses* ready) {
  IngestResult r;
  try {
    SQLite::Transaction t(*conn_->db, SQLite::TransactionBehavior::IMMEDIATE);
    if (const auto same = article_with_text(*this, in.text)) {
      r.duplicate = true;
      r.article_id = *same;
      conn_->release_statements();
      return r;  // the transaction rolls back: nothing written
    }
    std::string outlet = in.outlet, headline = in.headline;
    const Publication publication = publication_of(in, a);
    const std::string& published = publication.published;
    if (outlet.empty() && a.dateline) outlet = a.dateline->outlet;
    if (headline.empty() && a.headline) headline = core::span_text(in.text, *a.headline);
    const auto pub = article::parse_iso_date(published).value_or(article::Date{});
    if (!in.url.empty()) {
      auto& q = conn_->prepared("SELECT id FROM articles WHERE url = ? ORDER BY id DESC LIMIT 1");
      q.bind(1, in.url);
      if (q.executeStep()) r.previous_id = q.getColumn(0).getInt64();
    }
    {
      auto& ins = conn_->prepared(
          "INSERT INTO articles (doc, outlet, url, headline, published, dateline_place, "
          "content_hash, text, previous_id, parser, ingested_at, published_inferred, dateline_date) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      ins.bind(1, in.doc);
      bind_opt(ins, 2, outlet);
      bind_opt(ins, 3, in.url);
      bind_opt(ins, 4, headline);
      bind_opt(ins, 5, published);
      bind_opt(ins, 6, a.dateline ? a.dateline->place : std::string());
      ins.bind(7, content_hash(in.text));
      ins.bind(8, in.text);
      if (r.previous_id)
        ins.bind(9, r.previous_id);
      else
        ins.bind(9);
      ins.bind(10, std::string("claimtrail ") + core::kVersion);
      ins.bind(11, now_utc());
      ins.bind(12, publication.inferred ? 1 : 0);
      bind_opt(ins, 13, a.dateline ? a.dateline->date : std::string());
      ins.exec();
      r.article_id = conn_->db->getLastInsertRowid();
    }
    r.claims = store_analysis(r.article_id, in.text, pub, a,
                              in.parser.empty() ? std::string("claimtrail ") + core::kVersion : in.parser, ready);
    conn_->release_statements();
    t.commit();
  } catch (const SQLite::Exception& e) {
    conn_->release_statements();
    throw StoreError(path_, describe(e));
  }
  return r;
}

}  // namespace claimtrail::store
