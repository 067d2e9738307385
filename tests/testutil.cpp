#include "testutil.hpp"

#include <sys/wait.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "article/batch.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"

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

std::filesystem::path write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
  return p;
}

std::string with_front_matter(const std::string& outlet, const std::string& published, const std::string& body) {
  return "---\noutlet: " + outlet + "\npublished: " + published + "\n---\n" + body;
}

const extract::Extractor& extractor() {
  static const extract::Extractor ex;
  return ex;
}

store::IngestResult ingest_file(store::Store& st, const std::filesystem::path& file, const article::Metadata& given) {
  const auto reject = [](const std::string& why) { throw core::Error("", why); };
  store::IngestResult last;
  for (const auto& item : article::expand_inputs({file.string()}, {}, reject)) {
    const article::Article a = article::read_item(item);
    const article::Metadata m =
        article::metadata_of(a, item.line ? item.path + ":" + std::to_string(item.line) : item.path, given);
    const store::ArticleInput in = store::article_input(a, m);
    last = st.ingest(in, extractor().analyse(in.text));
  }
  return last;
}

std::filesystem::path store_file(const std::filesystem::path& db, const std::vector<std::filesystem::path>& articles) {
  store::Store st(db.string());
  for (const auto& a : articles) ingest_file(st, a);
  return db;
}

void make_corrupt_store(const std::filesystem::path& db, const std::filesystem::path& article) {
  store_file(db, {article});
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);  // the write-ahead log into the file
    d.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::filesystem::remove(db.string() + "-wal");
  std::filesystem::remove(db.string() + "-shm");
  std::string bytes = slurp(db);
  for (std::size_t i = 100; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  write_file(db, bytes);
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

std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.back().push_back(field), field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
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
