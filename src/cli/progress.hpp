// A progress line on standard error for long batches (articles, MB, rate,
// ETA), redrawn at most five times a second, and only when standard error is
// a terminal: nothing in pipes, logs or tests.
#pragma once

#include <chrono>
#include <cstdint>

namespace claimtrail::cli {

class Progress {
 public:
  // `total_bytes` of input (0 when unknown); `enabled` false silences it.
  Progress(std::uint64_t total_bytes, std::size_t total_items, bool enabled);
  ~Progress();
  void advance(std::uint64_t bytes);  // one more article done
  void finish();

 private:
  void draw(bool last);
  std::uint64_t total_bytes_, done_bytes_ = 0;
  std::size_t total_items_, done_items_ = 0;
  bool enabled_, drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace claimtrail::cli
