// Crash safety: an ingest batch killed (SIGKILL) at many points, some of them
// inside a commit, then finished. The store must pass SQLite's integrity check
// and hold every article exactly once, with exactly the claims extract gives.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <fstream>
#include <thread>

#include "extract/extractor.hpp"
#include "output/render.hpp"
#include "testutil.hpp"

namespace fs = std::filesystem;
using claimtrail::testutil::slurp;
using claimtrail::testutil::TempDir;

namespace {

pid_t spawn_ingest(const fs::path& db, const std::vector<fs::path>& files) {
  std::vector<std::string> args = {CLAIMTRAIL_BINARY, "ingest", "-q", "--db", db.string()};
  for (const auto& f : files) args.push_back(f.string());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    execv(CLAIMTRAIL_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace

TEST_CASE("an ingest batch killed at 25 points, then finished, leaves a consistent store") {
  TempDir tmp;
  // A batch of distinct articles built from the hand-written fixtures.
  std::vector<fs::path> files;
  std::vector<std::string> texts;
  const fs::path dir = claimtrail::testutil::source_dir() / "fixtures" / "articles";
  std::vector<fs::path> sources;
  for (const auto& e : fs::directory_iterator(dir)) sources.push_back(e.path());
  std::sort(sources.begin(), sources.end());
  for (int i = 0; i < 150; ++i) {
    std::string text = slurp(sources[static_cast<std::size_t>(i) % sources.size()]);
    text += "\n\nIn a separate development, officials said " + std::to_string(i + 2) + " inspectors had been sent.\n";
    files.push_back(tmp.path() / ("a" + std::to_string(i) + ".txt"));
    std::ofstream(files.back(), std::ios::binary) << text;
    texts.push_back(text);
  }
  // How long the whole batch takes, to spread the kills over it.
  const fs::path scratch = tmp.path() / "scratch.db";
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(wait_exit(spawn_ingest(scratch, files)) == 0);
  const auto full = std::chrono::steady_clock::now() - t0;

  const fs::path db = tmp.path() / "store.db";
  constexpr int kKills = 25;
  int killed = 0;
  for (int k = 0; k < kKills; ++k) {
    const pid_t pid = spawn_ingest(db, files);
    // Early kills fall in opening and migrating, later ones among the commits.
    std::this_thread::sleep_for(full * (k + 1) / (kKills + 2));
    if (kill(pid, SIGKILL) == 0) ++killed;
    wait_exit(pid);
  }
  MESSAGE(killed << " ingest processes killed; a full batch takes "
                 << std::chrono::duration_cast<std::chrono::milliseconds>(full).count() << " ms");
  CHECK(killed >= 20);
  REQUIRE(wait_exit(spawn_ingest(db, files)) == 0);

  SQLite::Database d(db.string());
  CHECK(d.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(d.execAndGet("SELECT count(*) FROM articles").getInt() == static_cast<int>(files.size()));
  CHECK(d.execAndGet("SELECT count(*) FROM claims_fts").getInt() == d.execAndGet("SELECT count(*) FROM claims").getInt());
  const claimtrail::extract::Extractor ex;
  int checked = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto a = ex.analyse(texts[i]);
    std::vector<std::string> want;
    for (const auto& at : a.attributions) want.push_back(claimtrail::output::span_text(texts[i], at.content));
    for (const auto& u : a.unattributed) want.push_back(claimtrail::output::span_text(texts[i], {u}));
    SQLite::Statement q(d, "SELECT c.text FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.doc = ? "
                           "ORDER BY c.ordinal");
    q.bind(1, files[i].stem().string());
    std::vector<std::string> got;
    while (q.executeStep()) got.push_back(q.getColumn(0).getString());
    CHECK(got == want);
    ++checked;
  }
  CHECK(checked == 150);
}
