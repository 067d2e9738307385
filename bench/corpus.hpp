// The benchmarks' input: the PolNeAR train and dev texts, in file-name order.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace claimtrail::bench {

inline std::filesystem::path default_corpus() {
  return std::filesystem::path(CLAIMTRAIL_SOURCE_DIR) / ".." / "shared" / "corpora" / "polnear";
}

inline std::vector<std::string> load_texts(const std::filesystem::path& corpus) {
  namespace fs = std::filesystem;
  std::vector<std::string> texts;
  for (const char* split : {"train", "dev"}) {
    const fs::path dir = corpus / split / "text";
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      texts.push_back(ss.str());
    }
  }
  return texts;
}

}  // namespace claimtrail::bench
