// Crash safety: an ingest batch killed (SIGKILL) at many points, then
// finished. The store must pass SQLite's and FTS5's integrity checks and hold
// every article exactly once, with exactly the claims extract gives.
//
// CLAIMTRAIL_CRASH_KILLS sets the number of kills (20 by default; the
// campaign script scripts/crash_campaign.sh runs 200 or more) and
// CLAIMTRAIL_CRASH_SEED the seed of the kill points (printed, to replay a
// run). The kills fall at random times from a run's start, the moment the
// write-ahead log grows (inside a transaction's writes or its commit) and at
// random times after that, each run storing only a few articles.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "extract/extractor.hpp"
#include "report/analysis_render.hpp"
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

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(v, &end, 10);
  return end && *end == '\0' ? n : fallback;
}

// Has the process ended (left unreaped, for wait_exit())?
bool ended(pid_t pid) {
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// The write-ahead log's size and modification time: it changes on every
// write (after a checkpoint the log is written from its start again, its
// size unchanged).
std::pair<std::int64_t, std::int64_t> wal_stamp(const fs::path& db) {
  struct stat st {};
  if (::stat((db.string() + "-wal").c_str(), &st) != 0) return {-1, 0};
  return {static_cast<std::int64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

}  // namespace

TEST_CASE("an ingest batch killed at many points (CLAIMTRAIL_CRASH_KILLS), then finished, leaves a consistent store") {
  TempDir tmp;
  const int kills = static_cast<int>(env_number("CLAIMTRAIL_CRASH_KILLS", 20));
  const std::uint64_t seed = env_number("CLAIMTRAIL_CRASH_SEED", std::random_device{}());
  MESSAGE("crash test: " << kills << " kills, seed " << seed << " (CLAIMTRAIL_CRASH_SEED=" << seed << " replays it)");
  std::mt19937_64 rng(seed);
  // A batch of distinct articles built from the hand-written fixtures: 150,
  // or three per kill (a run killed on its first write stores about one).
  const int articles = std::max(150, 3 * kills);
  std::vector<fs::path> files;
  std::vector<std::string> texts;
  const fs::path dir = claimtrail::testutil::source_dir() / "fixtures" / "articles";
  std::vector<fs::path> sources;
  for (const auto& e : fs::directory_iterator(dir)) sources.push_back(e.path());
  std::sort(sources.begin(), sources.end());
  for (int i = 0; i < articles; ++i) {
    std::string text = slurp(sources[static_cast<std::size_t>(i) % sources.size()]);
    text += "\n\nIn a separate development, officials said " + std::to_string(i + 2) + " inspectors had been sent.\n";
    files.push_back(tmp.path() / ("a" + std::to_string(i) + ".txt"));
    std::ofstream(files.back(), std::ios::binary) << text;
    texts.push_back(text);
  }
  // How long the whole batch takes, to spread the kills over it, and how
  // long a run takes to its first write (starting, opening the store).
  using Clock = std::chrono::steady_clock;
  using us = std::chrono::microseconds;
  const fs::path scratch = tmp.path() / "scratch.db";
  const auto t0 = Clock::now();
  const pid_t first = spawn_ingest(scratch, files);
  while (wal_stamp(scratch).first <= 0 && !ended(first)) {
  }
  us to_first_write = std::chrono::duration_cast<us>(Clock::now() - t0);
  REQUIRE(wait_exit(first) == 0);
  const auto full = std::chrono::duration_cast<us>(Clock::now() - t0);

  const fs::path db = tmp.path() / "store.db";
  // Each kill lets a run store only a little, so the kills spread over the
  // batch instead of the first few storing it all: a window of a kill's
  // share of the batch's time.
  const std::int64_t window = std::max<std::int64_t>(1, full.count() / std::max(1, kills));
  int landed = 0, on_write = 0;  // kills that ended a running ingest; of those, on a log write
  // A kill that finds the run already ended does not count: runs are killed
  // until `kills` have landed (a bounded number of tries).
  int tries = 0;
  for (int k = 0; landed < kills && tries < 4 * kills; ++k, ++tries) {
    // 0: at a random time from the start (starting, opening, the duplicate
    // checks of what is stored, a little of the writing); 1: the moment the
    // log grows (inside the first new article's writes or its commit); 2, 3:
    // at a random time after that (between articles, in extraction, in
    // writes, in commits).
    const int mode = k % 4;
    const auto random_us = [&](std::int64_t n) {
      return us(static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n + 1)));
    };
    const auto wal_before = wal_stamp(db);
    const auto start = Clock::now();
    const pid_t pid = spawn_ingest(db, files);
    if (mode == 0) {
      std::this_thread::sleep_for(random_us(to_first_write.count() + window));
    } else {
      // Watch the log (a run that only finds duplicates never writes).
      while (wal_stamp(db) == wal_before && !ended(pid) && Clock::now() - start < full) {
      }
      if (wal_stamp(db) != wal_before) to_first_write = std::chrono::duration_cast<us>(Clock::now() - start);
      if (mode != 1) std::this_thread::sleep_for(random_us(window));
    }
    kill(pid, SIGKILL);
    if (wait_exit(pid) == -SIGKILL) {
      ++landed;
      if (mode == 1) ++on_write;
    }
  }
  REQUIRE(wait_exit(spawn_ingest(db, files)) == 0);

  SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);  // (the FTS5 check is a command)
  const std::string integrity = d.execAndGet("PRAGMA integrity_check").getString();
  CHECK(integrity == "ok");
  std::string fts = "ok";
  try {
    d.exec("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')");
  } catch (const SQLite::Exception& e) {
    fts = e.what();
  }
  CHECK(fts == "ok");
  CHECK_FALSE(SQLite::Statement(d, "PRAGMA foreign_key_check").executeStep());
  CHECK(d.execAndGet("SELECT count(*) FROM articles").getInt() == static_cast<int>(files.size()));
  CHECK(d.execAndGet("SELECT count(DISTINCT doc) FROM articles").getInt() == static_cast<int>(files.size()));
  CHECK(d.execAndGet("SELECT count(*) FROM claims_fts").getInt() ==
        d.execAndGet("SELECT count(*) FROM claims").getInt());
  const claimtrail::extract::Extractor ex;
  int complete = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto a = ex.analyse(texts[i]);
    std::vector<std::string> want;
    for (const auto& at : a.attributions) want.push_back(claimtrail::core::span_text(texts[i], at.content));
    for (const auto& u : a.unattributed) want.push_back(claimtrail::core::span_text(texts[i], {u}));
    SQLite::Statement q(d,
                        "SELECT c.text FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.doc = ? "
                        "ORDER BY c.ordinal");
    q.bind(1, files[i].stem().string());
    std::vector<std::string> got;
    while (q.executeStep()) got.push_back(q.getColumn(0).getString());
    CHECK(got == want);
    if (got == want) ++complete;
  }
  CHECK(complete == articles);
  // Kills that found ingest already finished prove nothing: all must land.
  CHECK(landed == kills);
  // One line for scripts/crash_campaign.sh.
  MESSAGE("crash summary: kills " << landed << " landed (" << tries << " tries, " << on_write
                                  << " on a log write), seed " << seed << ", articles " << complete << "/"
                                  << files.size() << " complete, integrity " << integrity << ", index " << fts
                                  << ", batch " << full.count() / 1000 << " ms");
}
