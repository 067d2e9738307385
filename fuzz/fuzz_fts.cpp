// The full-text query builder: for any valid UTF-8 search, the query it
// builds is accepted by SQLite's FTS5 (never a syntax error), run against an
// in-memory index made like the store's.
#include <SQLiteCpp/SQLiteCpp.h>

#include "fuzz_common.hpp"
#include "store/queries.hpp"

using namespace claimtrail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static SQLite::Database db = [] {
    SQLite::Database d(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec(
        "CREATE VIRTUAL TABLE t USING fts5(norm, detail='none');"
        "INSERT INTO t (norm) VALUES ('minist said plan go ahead'), ('troop leav septemb');");
    return d;
  }();
  const std::string_view words = fuzz::bytes(data, size);
  if (!fuzz::valid_utf8(words)) return 0;
  const std::optional<std::string> q = store::fts_query(words);
  if (!q) return 0;
  if (q->empty()) fuzz::fail("an empty query instead of nullopt");
  try {
    SQLite::Statement st(db, "SELECT count(*) FROM t WHERE t MATCH ?");
    st.bind(1, *q);
    st.executeStep();
  } catch (const SQLite::Exception& e) {
    fuzz::fail("FTS5 refused the query " + *q + ": " + e.what());
  }
  return 0;
}
