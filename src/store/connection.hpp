// The SQLite connection behind a Store, for the files of src/store/ only:
// the one place outside store.cpp that sees a SQLite handle. Everything
// above the store asks it through typed calls (store.hpp, queries.hpp,
// tracking.hpp).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/queries.hpp"
#include "store/store.hpp"

namespace claimtrail::store {

struct Connection {
  std::unique_ptr<SQLite::Database> db;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> statements;

  ~Connection() { statements.clear(); }  // before the connection closes

  // A statement prepared once per connection, reset and unbound for reuse
  // (`sql` is the cache key).
  SQLite::Statement& prepared(const std::string& sql);
  // Resets every prepared statement: one left on a row keeps a read
  // snapshot open, and the WAL can then never be checkpointed back to empty.
  void release_statements();
};

Connection& connection(Store& s);

// Every row of the prepared statement `sql` with `id` bound to its one
// parameter, each as `read(statement)` makes it; the statement is reset after.
template <class Read>
auto rows_for_id(Store& s, const std::string& sql, std::int64_t id, Read read) {
  auto& q = connection(s).prepared(sql);
  q.bind(1, id);
  std::vector<decltype(read(q))> out;
  while (q.executeStep()) out.push_back(read(q));
  q.reset();
  return out;
}

// The query of find_claims for a filter (its named parameters :article,
// :source, :category, :search, :status, :verdict bound by the caller).
std::string claims_sql(const ClaimFilter& f);

// Stores claim's decided status (replacing the one before), inside the
// caller's transaction.
void save_status(Store& s, std::int64_t claim, const DecidedStatus& d, const std::string& now);

}  // namespace claimtrail::store
