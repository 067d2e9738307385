// Shared helpers for the doctest suite.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "article/metadata.hpp"
#include "store/store.hpp"

namespace claimtrail::extract {
class Extractor;
}

namespace claimtrail::testutil {

// The project's source directory (fixtures/, data/ live there).
std::filesystem::path source_dir();

// ../shared beside the project, or nullopt when absent. Under CI=true an
// absent shared directory fails the calling test instead of skipping it.
std::optional<std::filesystem::path> shared_dir();

// `p` in single quotes, for the shell command lines run_cli() takes.
inline std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Reads a whole file; throws std::runtime_error when it cannot.
std::string slurp(const std::filesystem::path& p);

// Writes `bytes` to `p` (replacing it); returns `p`.
std::filesystem::path write_file(const std::filesystem::path& p, const std::string& bytes);

// `body` after a front-matter block giving its outlet and publication date.
std::string with_front_matter(const std::string& outlet, const std::string& published, const std::string& body);

// One extractor of the rules for the whole run (building one is the costly part).
const extract::Extractor& extractor();

// Stores the articles of `file` through the library as `claimtrail ingest`
// stores them: read and checked as article::read_item reads an input (a text
// file with or without front matter, a web page, each record of a JSON-lines
// file), metadata decided by article::metadata_of (a non-empty field of
// `given`, like ingest's --id, --outlet, ..., wins), analysed by extractor().
// Returns what storing the last article did. Throws core::Error for an input
// ingest would reject.
store::IngestResult ingest_file(store::Store& st, const std::filesystem::path& file,
                                const article::Metadata& given = {});

// A store file at `db` holding `articles` (stored by ingest_file), closed
// again; returns `db`.
std::filesystem::path store_file(const std::filesystem::path& db, const std::vector<std::filesystem::path>& articles);

// Makes `db` a corrupt store: a store holding `article`, checkpointed into
// one file, then with every seventh byte after the header flipped.
void make_corrupt_store(const std::filesystem::path& db, const std::filesystem::path& article);

// Runs the claimtrail binary with `args` (shell-quoted by the caller), stdout
// captured into *out, stderr into *err; returns the exit code.
int run_cli(const std::string& args, std::string* out, std::string* err = nullptr, const std::string& stdin_text = {});

// The records of RFC 4180 CSV text (CRLF line ends, quoted fields with
// doubled quotes), each a list of fields.
std::vector<std::vector<std::string>> parse_csv(const std::string& s);

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace claimtrail::testutil

// Use at the top of a test that needs ../shared: skips outside CI, fails in CI.
#define CLAIMTRAIL_REQUIRE_SHARED(var)                                         \
  auto var##_opt = ::claimtrail::testutil::shared_dir();                       \
  if (!var##_opt) {                                                            \
    if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") { \
      FAIL("../shared is required under CI=true but was not found");           \
    }                                                                          \
    MESSAGE("skipped: ../shared not found");                                   \
    return;                                                                    \
  }                                                                            \
  const std::filesystem::path var = *var##_opt
