// Runs fn(i) for i in [0, n) on up to `threads` threads (0: one per core).
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace asl {

inline unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

template <typename Fn>
void parallel_for(size_t n, unsigned threads, Fn&& fn) {
  if (threads == 0) threads = default_threads();
  threads = static_cast<unsigned>(std::min<size_t>(threads, n));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

// The same for items whose cost in memory varies (files to parse): items
// [0, heavy) are heavy and at most max(1, threads / 2) of them run at once,
// while the other threads take light items, so that memory stays bounded
// whatever the mix. Heavy items are taken in order, light ones too.
template <typename Fn>
void parallel_for_bounded(size_t n, size_t heavy, unsigned threads, Fn&& fn) {
  if (threads == 0) threads = default_threads();
  threads = static_cast<unsigned>(std::min<size_t>(threads, n));
  heavy = std::min(heavy, n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  const unsigned max_heavy = std::max(1u, threads / 2);
  std::mutex mutex;
  std::condition_variable done;
  size_t next_heavy = 0, next_light = heavy;
  unsigned heavy_running = 0;
  std::exception_ptr error;
  auto run = [&](size_t i, std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    try {
      fn(i);
    } catch (...) {
      lock.lock();
      if (!error) error = std::current_exception();
      return;
    }
    lock.lock();
  };
  auto work = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      if (next_heavy < heavy && heavy_running < max_heavy) {
        size_t i = next_heavy++;
        ++heavy_running;
        run(i, lock);
        --heavy_running;
        done.notify_all();
      } else if (next_light < n) {
        run(next_light++, lock);
      } else if (next_heavy < heavy) {
        done.wait(lock);
      } else {
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace asl
