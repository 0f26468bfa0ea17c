// asynctranslate C++ runtime: asyncio on Boost.Asio (C++20 coroutines).
//
// A Python coroutine is a `boost::asio::awaitable<T>`; `asyncio.run` is
// py::run (an io_context running the main coroutine). Tasks, gather, queues,
// locks and events keep Python's semantics where Asio's building blocks
// differ:
//  - a task starts eagerly and keeps running when nobody holds it; it can be
//    awaited any number of times (experimental::promise cancels its operation
//    when dropped and completes once);
//  - gather returns results in argument order, returns [] for no arguments
//    (the ranged parallel_group never completes on an empty range in Boost
//    1.81), raises the first exception raised without waiting for or
//    cancelling the others (parallel_group either cancels them or waits for
//    all), and collects exceptions with return_exceptions=True;
//  - wait_for races the operation against a steady_timer with awaitable
//    operators and raises TimeoutError when the timer wins.
// Everything runs on the one thread of py::run's io_context, as asyncio runs
// on one thread; to_thread uses a thread pool.
#pragma once

#include <chrono>
#include <deque>
#include <variant>

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>

#include "asynctranslate/core.hpp"

namespace py {

namespace asio = boost::asio;

namespace detail {
// The executor of the running event loop (asyncio's "running loop").
inline asio::any_io_executor& loop() {
  static asio::any_io_executor executor;
  return executor;
}
inline std::chrono::steady_clock::duration seconds(double s) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s < 0 ? 0 : s));
}
template <class T>
using value_t = std::conditional_t<std::is_void_v<T>, None, T>;

// Wakes coroutines waiting for a state change: they park on a timer that never
// expires, and notify_all cancels the wait. Waiters re-check their condition.
class condition {
 public:
  condition() = default;
  condition(condition&&) = default;
  condition& operator=(condition&&) = default;

  asio::awaitable<void> wait() {
    if (!timer_) timer_ = std::make_unique<asio::steady_timer>(loop(), asio::steady_timer::time_point::max());
    boost::system::error_code ec;
    co_await timer_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
    // Cancelled from outside (wait_for's timeout): stop waiting.
    if ((co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none)
      throw CancelledError();
  }
  void notify_all() {
    if (timer_) timer_->cancel();
  }

 private:
  std::unique_ptr<asio::steady_timer> timer_;
};

// Notified whenever any task finishes (gather and as_completed wait on it).
inline condition& completions() {
  static condition c;
  return c;
}
inline unsigned long& completion_counter() {
  static unsigned long n = 0;
  return n;
}
}  // namespace detail

// asyncio.sleep(seconds): a steady_timer; sleep(0) still yields to other tasks.
inline asio::awaitable<void> sleep(double seconds) {
  asio::steady_timer timer(co_await asio::this_coro::executor, detail::seconds(seconds));
  co_await timer.async_wait(asio::use_awaitable);
}

// A running coroutine (asyncio.Task): co_spawned at once, awaited later.
template <class T>
class task {
 public:
  using value_type = detail::value_t<T>;
  struct state {
    std::optional<value_type> value;
    std::exception_ptr error;
    bool done = false;
    unsigned long order = 0;  // completion order, for gather's first exception
    detail::condition finished;
  };

  task() = default;  // a variable assigned a task later
  explicit task(asio::awaitable<T> aw) : s_(std::make_shared<state>()) {
    auto s = s_;
    auto body = [](std::shared_ptr<state> st, asio::awaitable<T> a) -> asio::awaitable<void> {
      try {
        if constexpr (std::is_void_v<T>) co_await std::move(a), st->value = None{};
        else st->value = co_await std::move(a);
      } catch (...) {
        st->error = std::current_exception();
      }
      st->done = true;
      st->order = ++detail::completion_counter();
      st->finished.notify_all();
      detail::completions().notify_all();
    };
    asio::co_spawn(detail::loop(), body(s, std::move(aw)), asio::detached);
  }

  // `await task`: its result, or its exception.
  asio::awaitable<T> wait() const {
    auto s = s_;
    while (!s->done) co_await s->finished.wait();
    if (s->error) std::rethrow_exception(s->error);
    if constexpr (!std::is_void_v<T>) co_return *s->value;
  }
  bool done() const { return s_->done; }
  T result() const {
    if (!s_->done) throw RuntimeError("Result is not set.");
    if (s_->error) std::rethrow_exception(s_->error);
    if constexpr (!std::is_void_v<T>) return *s_->value;
  }
  const std::shared_ptr<state>& get_state() const { return s_; }

 private:
  std::shared_ptr<state> s_;
};

// asyncio.create_task(coro)
template <class T>
task<T> create_task(asio::awaitable<T> aw) {
  return task<T>(std::move(aw));
}

// `await x` where x is a stored task or coroutine object.
template <class T>
asio::awaitable<T> wait(const task<T>& t) { return t.wait(); }
template <class T>
asio::awaitable<T> wait(asio::awaitable<T>& aw) { return std::move(aw); }

// A result of gather(..., return_exceptions=True): a value or an exception.
template <class T>
struct outcome {
  std::optional<T> value;
  std::exception_ptr error;

  std::string str() const { return value ? py::str(*value) : describe(false); }
  std::string repr() const { return value ? py::repr(*value) : describe(true); }

 private:
  std::string describe(bool as_repr) const {
    try {
      std::rethrow_exception(error);
    } catch (const KeyError& e) {
      return as_repr ? py::repr(e) : py::str(e);
    } catch (const BaseException& e) {
      return as_repr ? py::repr(e) : e.message();
    } catch (const std::exception& e) {
      return as_repr ? "Exception(" + py::repr(std::string(e.what())) + ")" : e.what();
    } catch (...) {
      return "Exception()";
    }
  }
};

// isinstance(x, E) for an exception type E.
template <class E, class T>
bool isinstance(const outcome<T>& o) {
  if (!o.error) return false;
  try {
    std::rethrow_exception(o.error);
  } catch (const E&) {
    return true;
  } catch (...) {
    return false;
  }
}

// asyncio.gather over tasks: results in order; the first exception raised
// propagates at once, the other tasks keep running.
template <class T>
asio::awaitable<std::vector<detail::value_t<T>>> gather(std::vector<task<T>> tasks) {
  std::vector<detail::value_t<T>> results;
  while (true) {
    const typename task<T>::state* first_error = nullptr;
    bool all_done = true;
    for (const auto& t : tasks) {
      const auto& s = *t.get_state();
      all_done = all_done && s.done;
      if (s.done && s.error && (!first_error || s.order < first_error->order)) first_error = &s;
    }
    if (first_error) std::rethrow_exception(first_error->error);
    if (all_done) break;
    co_await detail::completions().wait();
  }
  for (const auto& t : tasks) results.push_back(*t.get_state()->value);
  co_return results;
}

template <class T>
asio::awaitable<std::vector<detail::value_t<T>>> gather(std::vector<asio::awaitable<T>> aws) {
  std::vector<task<T>> tasks;
  for (auto& a : aws) tasks.emplace_back(std::move(a));
  co_return co_await gather(std::move(tasks));
}

namespace detail {
template <class T>
task<T> as_task(asio::awaitable<T> a) { return task<T>(std::move(a)); }
template <class T>
task<T> as_task(const task<T>& t) { return t; }
template <class A>
using task_of_t = decltype(as_task(std::declval<A>()));
}  // namespace detail

// gather(a(), b()) of coroutines or tasks with different result types: a
// tuple of their results, as `x, y = await gather(a(), b())` unpacks them.
template <class... As>
asio::awaitable<std::tuple<typename detail::task_of_t<As>::value_type...>> gather_mixed(As... aws) {
  auto tasks = std::make_tuple(detail::as_task(std::move(aws))...);
  while (true) {
    bool all_done = true;
    std::exception_ptr first_error;
    unsigned long first_order = 0;
    std::apply(
        [&](const auto&... t) {
          auto look = [&](const auto& s) {
            all_done = all_done && s.done;
            if (s.done && s.error && (!first_error || s.order < first_order)) first_error = s.error, first_order = s.order;
          };
          (look(*t.get_state()), ...);
        },
        tasks);
    if (first_error) std::rethrow_exception(first_error);
    if (all_done) break;
    co_await detail::completions().wait();
  }
  co_return std::apply([](const auto&... t) { return std::make_tuple(*t.get_state()->value...); }, tasks);
}

template <class T, class... More>
auto gather(asio::awaitable<T> first, asio::awaitable<More>... more) {
  if constexpr ((std::is_same_v<T, More> && ...)) {
    return [](asio::awaitable<T> f, asio::awaitable<More>... m) -> asio::awaitable<std::vector<detail::value_t<T>>> {
      std::vector<task<T>> tasks;
      tasks.emplace_back(std::move(f));
      (tasks.emplace_back(std::move(m)), ...);
      co_return co_await gather(std::move(tasks));
    }(std::move(first), std::move(more)...);
  } else {
    return gather_mixed(std::move(first), std::move(more)...);
  }
}

// gather() of nothing is an empty list.
inline asio::awaitable<std::vector<None>> gather() { co_return std::vector<None>{}; }

// gather(..., return_exceptions=True): every result or exception, in order.
template <class T>
asio::awaitable<std::vector<outcome<detail::value_t<T>>>> gather_settled(std::vector<task<T>> tasks) {
  std::vector<outcome<detail::value_t<T>>> results;
  for (auto& t : tasks) {
    while (!t.done()) co_await detail::completions().wait();
    const auto& s = *t.get_state();
    results.push_back({s.value, s.error});
  }
  co_return results;
}
template <class T>
asio::awaitable<std::vector<outcome<detail::value_t<T>>>> gather_settled(std::vector<asio::awaitable<T>> aws) {
  std::vector<task<T>> tasks;
  for (auto& a : aws) tasks.emplace_back(std::move(a));
  co_return co_await gather_settled(std::move(tasks));
}
template <class T, class... More>
asio::awaitable<std::vector<outcome<detail::value_t<T>>>> gather_settled(asio::awaitable<T> first, asio::awaitable<More>... more) {
  std::vector<task<T>> tasks;
  tasks.emplace_back(std::move(first));
  (tasks.emplace_back(std::move(more)), ...);
  co_return co_await gather_settled(std::move(tasks));
}

// asyncio.wait_for: the operation races a timer; the loser is cancelled.
template <class T>
asio::awaitable<T> wait_for(asio::awaitable<T> aw, double timeout) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor, detail::seconds(timeout));
  auto r = co_await (std::move(aw) || timer.async_wait(asio::use_awaitable));
  if (r.index() == 1) throw TimeoutError();
  if constexpr (!std::is_void_v<T>) co_return std::get<0>(std::move(r));
}
template <class T>
asio::awaitable<T> wait_for(const task<T>& t, double timeout) {
  return wait_for(t.wait(), timeout);
}

// asyncio.Queue (maxsize 0: unbounded). A handle: copies share the queue.
template <class T>
class Queue {
 public:
  explicit Queue(int maxsize = 0) : s_(std::make_shared<state>()) { s_->maxsize = maxsize; }
  asio::awaitable<void> put(T item) {
    auto s = s_;
    while (s->maxsize > 0 && static_cast<int>(s->items.size()) >= s->maxsize) co_await s->changed.wait();
    s->items.push_back(std::move(item));
    ++s->unfinished;
    s->changed.notify_all();
  }
  void put_nowait(T item) {
    if (s_->maxsize > 0 && static_cast<int>(s_->items.size()) >= s_->maxsize) throw Exception("QueueFull");
    s_->items.push_back(std::move(item));
    ++s_->unfinished;
    s_->changed.notify_all();
  }
  asio::awaitable<T> get() {
    auto s = s_;
    while (s->items.empty()) co_await s->changed.wait();
    T item = std::move(s->items.front());
    s->items.pop_front();
    s->changed.notify_all();
    co_return item;
  }
  T get_nowait() {
    if (s_->items.empty()) throw Exception("QueueEmpty");
    T item = std::move(s_->items.front());
    s_->items.pop_front();
    s_->changed.notify_all();
    return item;
  }
  void task_done() {
    if (s_->unfinished <= 0) throw ValueError("task_done() called too many times");
    --s_->unfinished;
    s_->changed.notify_all();
  }
  asio::awaitable<void> join() {
    auto s = s_;
    while (s->unfinished > 0) co_await s->changed.wait();
  }
  int qsize() const { return static_cast<int>(s_->items.size()); }
  bool empty() const { return s_->items.empty(); }
  bool full() const { return s_->maxsize > 0 && qsize() >= s_->maxsize; }

 private:
  struct state {
    std::deque<T> items;
    int maxsize = 0;
    long unfinished = 0;
    detail::condition changed;
  };
  std::shared_ptr<state> s_;
};

// asyncio.Semaphore / BoundedSemaphore / Lock (a semaphore of one).
// `async with` holds a guard that releases when its scope ends, exception or not.
class Semaphore {
  struct state {
    int value = 1;
    detail::condition changed;
  };

 public:
  explicit Semaphore(int value = 1) : s_(std::make_shared<state>()) { s_->value = value; }

  class guard {
   public:
    explicit guard(std::shared_ptr<state> s) : s_(std::move(s)) {}
    guard(guard&& o) noexcept : s_(std::move(o.s_)) {}
    guard(const guard&) = delete;
    ~guard() {
      if (s_) ++s_->value, s_->changed.notify_all();
    }

   private:
    std::shared_ptr<state> s_;
  };

  asio::awaitable<bool> acquire() {
    auto s = s_;
    while (s->value <= 0) co_await s->changed.wait();
    --s->value;
    co_return true;
  }
  // `async with sem:`
  asio::awaitable<guard> hold() {
    co_await acquire();
    co_return guard(s_);
  }
  void release() {
    ++s_->value;
    s_->changed.notify_all();
  }
  bool locked() const { return s_->value <= 0; }

 private:
  std::shared_ptr<state> s_;
};

class Lock : public Semaphore {
 public:
  Lock() : Semaphore(1) {}
  void release() {
    if (!locked()) throw RuntimeError("Lock is not acquired.");
    Semaphore::release();
  }
};

// asyncio.Event
class Event {
 public:
  Event() : s_(std::make_shared<state>()) {}
  void set() {
    s_->flag = true;
    s_->changed.notify_all();
  }
  void clear() { s_->flag = false; }
  bool is_set() const { return s_->flag; }
  asio::awaitable<bool> wait() {
    auto s = s_;
    while (!s->flag) co_await s->changed.wait();
    co_return true;
  }

 private:
  struct state {
    bool flag = false;
    detail::condition changed;
  };
  std::shared_ptr<state> s_;
};

// asyncio.TaskGroup: `async with` waits for every task started in it.
class TaskGroup {
 public:
  template <class T>
  task<T> create_task(asio::awaitable<T> aw) {
    task<T> t(std::move(aw));
    waits_.push_back([t]() -> asio::awaitable<void> { co_await t.wait(); });
    return t;
  }
  asio::awaitable<void> join() {
    std::exception_ptr first;
    for (size_t i = 0; i < waits_.size(); ++i) {
      try {
        co_await waits_[i]();
      } catch (...) {
        if (!first) first = std::current_exception();
      }
    }
    if (first) std::rethrow_exception(first);
  }

 private:
  std::vector<std::function<asio::awaitable<void>()>> waits_;
};

// asyncio.as_completed: awaitables that yield results in completion order.
template <class T>
std::vector<asio::awaitable<T>> as_completed(std::vector<asio::awaitable<T>>&& aws) {
  auto tasks = std::make_shared<std::vector<task<T>>>();
  for (auto& a : aws) tasks->emplace_back(std::move(a));
  auto taken = std::make_shared<std::vector<bool>>(tasks->size(), false);
  std::vector<asio::awaitable<T>> out;
  for (size_t k = 0; k < tasks->size(); ++k) {
    out.push_back([](auto ts, auto tk) -> asio::awaitable<T> {
      while (true) {
        const task<T>* next = nullptr;
        size_t at = 0;
        for (size_t i = 0; i < ts->size(); ++i) {
          const auto& s = *(*ts)[i].get_state();
          if (!(*tk)[i] && s.done && (!next || s.order < next->get_state()->order)) next = &(*ts)[i], at = i;
        }
        if (next) {
          (*tk)[at] = true;
          co_return co_await next->wait();
        }
        co_await detail::completions().wait();
      }
    }(tasks, taken));
  }
  return out;
}
// A list of coroutines held in a variable: as in Python, they are consumed
// (awaiting one of them again is an error there too).
template <class T>
std::vector<asio::awaitable<T>> as_completed(std::vector<asio::awaitable<T>>& aws) {
  return as_completed(std::move(aws));
}
template <class T>
std::vector<asio::awaitable<T>> as_completed(std::vector<task<T>> ts) {
  std::vector<asio::awaitable<T>> aws;
  for (auto& t : ts) aws.push_back(t.wait());
  return as_completed(std::move(aws));
}

// asyncio.to_thread: runs a blocking function on a thread pool.
inline asio::thread_pool& thread_pool() {
  static asio::thread_pool pool(4);
  return pool;
}
template <class F, class... Args>
auto to_thread(F f, Args... args) -> asio::awaitable<decltype(f(args...))> {
  using R = decltype(f(args...));
  struct outcome {
    std::optional<detail::value_t<R>> value;
    std::exception_ptr error;
  };
  auto out = std::make_shared<outcome>();
  auto loop = co_await asio::this_coro::executor;
  // The function runs on the pool; the coroutine resumes on the loop's thread.
  co_await asio::async_initiate<decltype(asio::use_awaitable), void()>(
      [&](auto handler) {
        asio::post(thread_pool(), [handler = std::move(handler), loop, out, f, args...]() mutable {
          try {
            if constexpr (std::is_void_v<R>) f(args...), out->value = None{};
            else out->value = f(args...);
          } catch (...) {
            out->error = std::current_exception();
          }
          asio::post(loop, std::move(handler));
        });
      },
      asio::use_awaitable);
  if (out->error) std::rethrow_exception(out->error);
  if constexpr (!std::is_void_v<R>) co_return std::move(*out->value);
}

// asyncio.run(main()): runs the event loop until main completes. An exception
// escaping main is reported on stderr and the exit status is 1, as Python's.
inline int run(asio::awaitable<void> main) {
  asio::io_context context;
  detail::loop() = context.get_executor();
  std::exception_ptr error;
  asio::co_spawn(context, std::move(main), [&](std::exception_ptr e) {
    error = e;
    context.stop();  // tasks still pending are abandoned, as asyncio.run cancels them
  });
  context.run();
  detail::completions() = {};  // its timer belongs to this io_context
  std::fflush(stdout);
  return error ? detail::report_uncaught(error) : 0;
}

}  // namespace py
