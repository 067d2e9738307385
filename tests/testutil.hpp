// Shared helpers for the doctest suite.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

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

// Runs the claimtrail binary with `args` (shell-quoted by the caller), stdout
// captured into *out, stderr into *err; returns the exit code.
int run_cli(const std::string& args, std::string* out, std::string* err = nullptr, const std::string& stdin_text = {});

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
