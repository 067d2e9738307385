// Bounds on hostile input: one article of --mb megabytes of one hostile kind
// (bench/hostile_inputs.hpp), analysed once and written as a JSON line (the
// work of `extract --format jsonl`: report::write_json) to /dev/null. Prints one line: the kind,
// the size, seconds, MB/s, token visits per byte (the work counter the tests
// hold to linear growth), attributions found and the peak resident memory.
// Every span is checked valid (Extractor::analyse throws otherwise).
//
//   build/claimtrail_bench_hostile --kind no-punct [--mb 64] [--corpus DIR]
//   sh bench/hostile.sh [MB]     every kind, one process each
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "corpus.hpp"
#include "extract/extractor.hpp"
#include "hostile_inputs.hpp"
#include "report/analysis_render.hpp"

int main(int argc, char** argv) {
  double mb = 64;
  std::string kind = "no-punct";
  std::filesystem::path corpus = claimtrail::bench::default_corpus();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--mb")
      mb = std::atof(argv[i + 1]);
    else if (a == "--kind")
      kind = argv[i + 1];
    else if (a == "--corpus")
      corpus = argv[i + 1];
  }
  std::vector<std::string> news;
  if (kind == "news") {
    news = claimtrail::bench::load_texts(corpus);
    if (news.empty()) {
      std::cerr << "bench_hostile: no texts under " << corpus << " (give --corpus DIR)\n";
      return 1;
    }
  }
  const std::size_t bytes = static_cast<std::size_t>(mb * 1024 * 1024);
  const std::string text = claimtrail::bench::hostile_text(kind, bytes, news);
  if (text.size() < bytes) {
    std::cerr << "bench_hostile: unknown --kind " << kind << "\n";
    return 2;
  }
  const claimtrail::extract::Extractor ex;
  std::uint64_t work = 0;
  const auto t0 = std::chrono::steady_clock::now();
  const auto analysis = ex.analyse(text, &work);
  {
    std::ofstream sink("/dev/null");
    claimtrail::report::write_json(sink, analysis, text, "doc");
    sink << '\n';
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("%-12s %7.1f MiB %8.2f s %7.2f MB/s %6.1f visits/byte %9zu attributions %8.1f MB peak\n", kind.c_str(),
              text.size() / 1048576.0, secs, text.size() / 1e6 / secs,
              static_cast<double>(work) / static_cast<double>(text.size()), analysis.attributions.size(),
              ru.ru_maxrss / 1024.0);
  return 0;
}
