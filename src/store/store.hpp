// The claim store: one SQLite file (WAL mode) holding articles, sources,
// claims, non-responses, source descriptions, claim links, verdicts and
// corrections. Migrations (schema/NNN_*.sql) are applied in order and
// recorded in PRAGMA user_version; a store from a newer claimtrail is refused.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article/dates.hpp"
#include "article/input.hpp"
#include "article/metadata.hpp"
#include "core/analysis.hpp"
#include "core/error.hpp"
#include "match/claim_analysis.hpp"

namespace claimtrail::store {

// The SQLite connection behind a Store and its prepared statements
// (store/connection.hpp): for the files of src/store/ only.
struct Connection;

// The store itself failed or was refused (not a store, newer schema,
// read-only, locked, corrupt, disk full): exit code 3 at the CLI.
class StoreError : public core::Error {
 public:
  using core::Error::Error;
};

// What the store is told about an article besides its analysis.
struct ArticleInput {
  std::string doc;     // the name it is ingested under (file name, --id)
  std::string text;    // the analysed text (offsets refer to it)
  std::string outlet;  // "Example Wire"; from the dateline when empty
  std::string url;
  std::string headline;   // from the analysis when empty
  std::string published;  // ISO date; from the dateline's date when empty (needs a year)
  std::string parser;     // what produced the analysis ("claimtrail 0.1.0"); the version when empty
};

struct IngestResult {
  std::int64_t article_id = 0;
  bool duplicate = false;        // the same text was stored before: nothing written
  std::int64_t previous_id = 0;  // an earlier version under the same URL
  std::size_t claims = 0;
};

// What replace_analysis did to one article.
struct ReplaceResult {
  std::size_t old_claims = 0, new_claims = 0;
  std::size_t carried = 0;  // old claims holding a verdict, a link or a correction, matched
  // Old claims holding a verdict, a link or a correction that matched no new claim.
  struct Lost {
    std::int64_t claim = 0;
    std::string text;
  };
  std::vector<Lost> not_carried;
};

// The statement analyses of an article's claims, in the order ingest stores
// them (its attributions, then its unattributed claims): the costly part of
// ingest, which analyse_claims() makes before the store is locked, so that
// ingest's workers make it in parallel and the one writer only writes.
struct ClaimAnalyses {
  std::vector<match::ClaimAnalysis> claims;
};
ClaimAnalyses analyse_claims(const ArticleInput& in, const core::Analysis& a);

// What the store is told of an article read as input, with its metadata as
// article::metadata_of decided it (the id, else the article's name).
ArticleInput article_input(const article::Article& a, const article::Metadata& m);

class Store {
 public:
  // read_write creates a missing store; update opens only an existing one.
  enum class Access { read_write, read_only, update };
  // Opens the store at `path` (created when missing and read_write) and
  // brings its schema up to date. Throws core::Error(path, why) for a file
  // that is not a claimtrail store (not a regular file; empty, unless opened
  // read_write), a newer schema, a store missing a table or column of its
  // schema, a read-only file opened for writing, or a locked store that stays
  // locked.
  explicit Store(const std::string& path, Access access = Access::read_write);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores one article and everything found in it, in one transaction.
  // `ready`: its claims' analyses made beforehand (analyse_claims), else
  // they are made here.
  IngestResult ingest(const ArticleInput& in, const core::Analysis& analysis,
                      const struct ClaimAnalyses* ready = nullptr);

  // Replaces a stored article's claims, sources of its own, non-responses
  // and descriptions with `analysis` (of the stored text, by `parser`), in
  // one transaction. Verdicts, corrections and links move to the new claim
  // that matches each old one (the same spans, else the one overlapping at
  // least half of each, of the same kind: attributed or not); a correction
  // (`claim fix`) is applied again to it. What hangs on an old claim that
  // matches nothing is removed with it, and listed.
  ReplaceResult replace_analysis(std::int64_t article, const core::Analysis& analysis, const std::string& parser);

  const std::string& path() const { return path_; }
  int schema_version() const;
  static int latest_schema_version();

 private:
  void open(const std::string& path, Access access);
  // Stores what the analysis found in an article (claims, sources,
  // non-responses, descriptions, the index), inside the caller's transaction.
  std::size_t store_analysis(std::int64_t article, std::string_view text, const article::Date& published,
                             const core::Analysis& a, const std::string& parser,
                             const struct ClaimAnalyses* ready = nullptr);
  friend Connection& connection(Store& s);
  void migrate();
  // Throws StoreError naming each table or column of the schema that is
  // missing (dropped or renamed outside claimtrail).
  void check_tables();
  std::unique_ptr<Connection> conn_;
  std::string path_;
  Access access_;
};

// Why SQLite refused (its result code and message), in words a user can act
// on: "the store is locked by another process ...", and for a table or column
// that is gone ("no such table: claim_links") "the store is damaged or was
// changed outside claimtrail (missing table claim_links); restore a backup".
std::string describe_sqlite_error(int code, std::string_view message);

// The same words for an exception SQLite raised through a Store (a table
// gone, a corrupt page, a constraint); nullopt for any other exception.
std::optional<std::string> describe_store_failure(const std::exception& e);

// The current time as ISO 8601 UTC ("2026-11-25T21:44:21Z").
std::string now_utc();

// A stable 64-bit FNV-1a hash of `text`, in hex: the content hash of an article.
std::string content_hash(std::string_view text);

// The key naming a person or body across articles ("person:farhad alaaldin").
std::string source_key(core::SourceCategory category, std::string_view name);

}  // namespace claimtrail::store
