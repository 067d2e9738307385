#include "testutil.hpp"

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace claimtrail::testutil {

std::filesystem::path source_dir() { return CLAIMTRAIL_SOURCE_DIR; }

std::optional<std::filesystem::path> shared_dir() {
  if (const char* env = std::getenv("CLAIMTRAIL_SHARED"); env && *env) {
    if (std::filesystem::is_directory(env)) return std::filesystem::path(env);
    return std::nullopt;
  }
  auto p = source_dir().parent_path() / "shared";
  if (std::filesystem::is_directory(p / "seeds")) return p;
  return std::nullopt;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int run_cli(const std::string& args, std::string* out, std::string* err, const std::string& stdin_text) {
  TempDir tmp;
  const auto in_path = tmp.path() / "stdin";
  const auto out_path = tmp.path() / "stdout";
  const auto err_path = tmp.path() / "stderr";
  std::ofstream(in_path, std::ios::binary) << stdin_text;
  const std::string cmd = std::string("'") + CLAIMTRAIL_BINARY + "' " + args + " <'" + in_path.string() + "' >'" +
                          out_path.string() + "' 2>'" + err_path.string() + "'";
  const int status = std::system(cmd.c_str());
  if (out) *out = slurp(out_path);
  if (err) *err = slurp(err_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto p =
        std::filesystem::temp_directory_path() / ("claimtrail-test-" + std::to_string(rd()) + std::to_string(attempt));
    if (std::filesystem::create_directory(p)) {
      path_ = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace claimtrail::testutil
