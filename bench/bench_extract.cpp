// Extraction throughput on one core: the PolNeAR train+dev texts, cycled
// until --mb megabytes have been analysed, each article analysed and written
// as a JSON line (the work of `extract --format jsonl`) to /dev/null.
// Prints MB/s, the share of sentences the language layer parsed (those with
// a cue candidate) and the peak resident memory.
//
//   build/claimtrail_bench_extract [--mb 40] [--corpus ../shared/corpora/polnear]
//                                  [--model FILE --mode model|both] [--syntax off]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "extract/extractor.hpp"
#include "report/analysis_render.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  double mb = 40;
  std::string model_path, mode_name = "both";
  bool syntax = true;
  fs::path corpus = claimtrail::bench::default_corpus();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--mb")
      mb = std::atof(argv[i + 1]);
    else if (a == "--corpus")
      corpus = argv[i + 1];
    else if (a == "--model")
      model_path = argv[i + 1];
    else if (a == "--mode")
      mode_name = argv[i + 1];
    else if (a == "--syntax")
      syntax = std::string(argv[i + 1]) != "off";
  }
  const std::vector<std::string> texts = claimtrail::bench::load_texts(corpus);
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  if (texts.empty()) {
    std::cerr << "bench_extract: no texts under " << corpus << " (give --corpus DIR)\n";
    return 1;
  }
  std::FILE* sink = std::fopen("/dev/null", "w");
  std::shared_ptr<const claimtrail::learn::Model> model;
  if (!model_path.empty()) {
    std::ifstream in(model_path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    model = std::make_shared<claimtrail::learn::Model>(claimtrail::learn::Model::parse(ss.str()));
  }
  const auto mode = !model                 ? claimtrail::extract::Mode::rules
                    : mode_name == "model" ? claimtrail::extract::Mode::model
                                           : claimtrail::extract::Mode::both;
  claimtrail::extract::Extractor ex(model, mode);
  ex.set_syntax(syntax);
  claimtrail::extract::Extractor::ParseShare share;
  const std::size_t target = static_cast<std::size_t>(mb * 1e6);
  std::size_t done = 0, articles = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; done < target; ++i) {
    const std::string& text = texts[i % texts.size()];
    const auto analysis = ex.analyse(text, nullptr, &share);
    const std::string line = claimtrail::report::to_json(analysis, text, "doc").dump() + "\n";
    std::fwrite(line.data(), 1, line.size(), sink);
    done += text.size();
    ++articles;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fclose(sink);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("corpus: %zu texts, %.1f MB; analysed %.1f MB (%zu articles) in %.2f s\n", texts.size(), bytes / 1e6,
              done / 1e6, articles, secs);
  std::printf("throughput: %.1f MB/s, %.0f articles/s (one core)\n", done / 1e6 / secs, articles / secs);
  std::printf("sentences parsed by the language layer: %zu of %zu (%.1f%%)%s\n", share.parsed, share.sentences,
              share.sentences ? 100.0 * static_cast<double>(share.parsed) / static_cast<double>(share.sentences) : 0.0,
              syntax ? "" : " (--syntax off)");
  std::printf("peak memory: %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
