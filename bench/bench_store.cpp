// Store benchmark: ingest rate into an empty store and `track` latency as the
// store grows. Articles are generated from the PolNeAR train+dev texts and
// made distinct (paragraph order, some names, publication dates), then
// ingested one transaction each, as `claimtrail ingest` does.
//
//   build/claimtrail_bench_store [--articles 100000] [--corpus DIR] [--db PATH]
//   build/claimtrail_bench_store --track-only N [--db PATH]   (an existing store of N articles)
//
// Prints the ingest rate over the first 10,000 articles and over all of them,
// and the median and 90th-percentile `track` latency at 10,000 articles and
// at the end.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "extract/extractor.hpp"
#include "store/store.hpp"
#include "track/track.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Another article from `text`: its body paragraphs in another order and some
// capitalised words turned into other names.
std::string variant(const std::string& text, std::mt19937& rng) {
  std::vector<std::string> paras;
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t e = text.find("\n\n", p);
    if (e == std::string::npos) e = text.size();
    paras.push_back(text.substr(p, e - p));
    p = e + 2;
  }
  if (paras.size() > 2) std::shuffle(paras.begin() + 1, paras.end(), rng);
  static const char* syllables[] = {"ka", "lo", "mer", "dan", "vi", "tor", "sel", "ba", "ru", "nen", "qua", "fi"};
  std::string out;
  for (std::size_t i = 0; i < paras.size(); ++i) {
    if (i) out += "\n\n";
    const std::string& para = paras[i];
    for (std::size_t k = 0; k < para.size();) {
      const bool cap = para[k] >= 'A' && para[k] <= 'Z' && (k == 0 || para[k - 1] == ' ');
      std::size_t e = k;
      while (e < para.size() && ((para[e] >= 'a' && para[e] <= 'z') || (para[e] >= 'A' && para[e] <= 'Z'))) ++e;
      if (cap && e - k >= 5 && k > 0 && rng() % 4 == 0) {
        std::string name(1, para[k]);
        for (int s = 0; s < 2; ++s) name += syllables[rng() % 12];
        out += name;
        k = e;
      } else {
        out += para[k];
        ++k;
      }
    }
  }
  return out;
}

struct Timing {
  double median_ms, p90_ms;
};

Timing time_track(claimtrail::store::Store& st, std::int64_t articles, std::mt19937& rng) {
  std::vector<double> ms;
  claimtrail::track::Options o;
  o.record = false;
  for (int i = 0; i < 25; ++i) {
    const std::int64_t id = 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(articles));
    const auto t0 = Clock::now();
    claimtrail::track::track(st, id, o);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[ms.size() * 9 / 10]};
}

}  // namespace

int main(int argc, char** argv) {
  long total = 100000;
  long track_only = 0;
  fs::path corpus = claimtrail::bench::default_corpus();
  fs::path db = fs::temp_directory_path() / "claimtrail-bench-store.db";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--articles")
      total = std::atol(argv[i + 1]);
    else if (a == "--corpus")
      corpus = argv[i + 1];
    else if (a == "--db")
      db = argv[i + 1];
    else if (a == "--track-only")
      track_only = std::atol(argv[i + 1]);
  }
  if (track_only > 0) {  // time `track` on an existing store of that many articles
    claimtrail::store::Store st(db.string());
    std::mt19937 pick(7);
    const Timing t = time_track(st, track_only, pick);
    std::printf("track at %ld articles: median %.1f ms, p90 %.1f ms (25 random articles)\n", track_only, t.median_ms,
                t.p90_ms);
    return 0;
  }
  const auto texts = claimtrail::bench::load_texts(corpus);
  if (texts.empty()) {
    std::fprintf(stderr, "bench_store: no texts under %s (give --corpus DIR)\n", corpus.c_str());
    return 1;
  }
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(db.string() + ext);
  claimtrail::store::Store st(db.string());
  const claimtrail::extract::Extractor ex;
  std::mt19937 rng(42);
  const auto start = Clock::now();
  double parse_s = 0, store_s = 0;
  auto report_rate = [&](long n) {
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf(
        "ingest: %ld articles in %.1f s: %.0f articles/s (parse + store, one transaction each; "
        "parsing %.1f s, storing %.1f s)\n",
        n, s, n / s, parse_s, store_s);
  };
  for (long i = 0; i < total; ++i) {
    claimtrail::store::ArticleInput in;
    in.doc = "bench-" + std::to_string(i);
    in.text = variant(texts[static_cast<std::size_t>(i) % texts.size()], rng);
    char date[16];
    std::snprintf(date, sizeof date, "%04ld-%02ld-%02ld", 2015 + (i / 336) % 10, 1 + (i / 28) % 12, 1 + i % 28);
    in.published = date;
    in.outlet = "Outlet " + std::to_string(i % 7);
    const auto t0 = Clock::now();
    const auto analysis = ex.analyse(in.text);
    const auto t1 = Clock::now();
    st.ingest(in, analysis);
    parse_s += std::chrono::duration<double>(t1 - t0).count();
    store_s += std::chrono::duration<double>(Clock::now() - t1).count();
    if (i + 1 == 10000 || i + 1 == total) {
      report_rate(i + 1);
      std::mt19937 pick(7);
      const Timing t = time_track(st, i + 1, pick);
      std::printf("track at %ld articles: median %.1f ms, p90 %.1f ms (25 random articles)\n", i + 1, t.median_ms,
                  t.p90_ms);
      std::fflush(stdout);
    }
  }
  std::printf("store: %s, %.0f MB\n", db.c_str(), fs::file_size(db) / 1e6);
  return 0;
}
