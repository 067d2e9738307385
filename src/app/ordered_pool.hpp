// Work on a list of items in parallel, results in the list's order: the
// pipelines' pool (extract analyses and renders, ingest analyses; the caller
// alone prints or writes, so a store has one writer). Workers take items in
// small runs; at most a window of finished results waits for its turn, so
// memory stays bounded however long the list.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace claimtrail::app {

// Calls work(items[i]) on `workers` threads (on the calling thread when
// workers is 0) and done(i, result) on the calling thread for i = 0, 1, ...
// in order. `work` must be safe to call from several threads at once and
// must not throw (it returns what went wrong as part of its result).
template <class Item, class Result>
void ordered_pool(const std::vector<Item>& items, std::size_t workers, const std::function<Result(const Item&)>& work,
                  const std::function<void(std::size_t, Result&&)>& done) {
  workers = std::min(workers, items.size());
  if (workers == 0 || items.size() <= 1) {
    for (std::size_t i = 0; i < items.size(); ++i) done(i, work(items[i]));
    return;
  }
  constexpr std::size_t kRun = 8;
  const std::size_t window = 8 * kRun * workers;
  std::vector<std::optional<Result>> results(items.size());
  std::mutex m;
  std::condition_variable ready, space;
  std::size_t next = 0, handed = 0;
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w)
    pool.emplace_back([&] {
      std::vector<Result> batch;
      for (;;) {
        std::size_t b;
        {
          std::unique_lock lock(m);
          space.wait(lock, [&] { return next >= items.size() || next < handed + window; });
          if (next >= items.size()) return;
          b = next;
          next = std::min(items.size(), next + kRun);
        }
        const std::size_t e = std::min(items.size(), b + kRun);
        batch.clear();
        for (std::size_t i = b; i < e; ++i) batch.push_back(work(items[i]));
        {
          std::lock_guard lock(m);
          for (std::size_t i = b; i < e; ++i) results[i].emplace(std::move(batch[i - b]));
        }
        ready.notify_one();
      }
    });
  // What `done` throws (a store that fails) stops the workers before it
  // leaves: no thread outlives the call.
  auto stop = [&] {
    {
      std::lock_guard lock(m);
      next = items.size();
    }
    space.notify_all();
    for (auto& t : pool) t.join();
  };
  try {
    for (std::size_t i = 0; i < items.size(); ++i) {
      Result r;
      {
        std::unique_lock lock(m);
        ready.wait(lock, [&] { return results[i].has_value(); });
        r = std::move(*results[i]);
        results[i].reset();
        ++handed;
      }
      if (i % kRun == kRun - 1) space.notify_all();
      done(i, std::move(r));
    }
  } catch (...) {
    stop();
    throw;
  }
  stop();
}

}  // namespace claimtrail::app
