#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace claimtrail::cli {

Progress::Progress(std::uint64_t total_bytes, std::size_t total_items, bool enabled)
    : total_bytes_(total_bytes),
      total_items_(total_items),
      enabled_(enabled && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::advance(std::uint64_t bytes) {
  done_bytes_ += bytes;
  ++done_items_;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  draw(false);
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  draw(true);
  std::fputc('\n', stderr);
  enabled_ = false;
}

void Progress::draw(bool last) {
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb = static_cast<double>(done_bytes_) / 1e6;
  const double rate = secs > 0 ? mb / secs : 0;
  char eta[32] = "";
  if (!last && total_bytes_ > done_bytes_ && rate > 0) {
    const double left = (static_cast<double>(total_bytes_ - done_bytes_) / 1e6) / rate;
    std::snprintf(eta, sizeof eta, ", ETA %dm%02ds", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  std::fprintf(stderr, "\r%zu/%zu articles, %.1f MB, %.1f MB/s%s   ", done_items_, total_items_, mb, rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace claimtrail::cli
