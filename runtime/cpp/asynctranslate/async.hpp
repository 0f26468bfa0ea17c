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
#include <limits>
#include <set>
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

// A cancelled coroutine sees CancelledError at its pending await, as in
// Python, and only there: the cancellation is then consumed (the state is
// reset), so that a task which catches it can go on awaiting. Asio's own
// reaction (every later co_await throws operation_aborted) is turned off
// where the runtime starts a coroutine (`co_await this_coro::throw_if_cancelled(false)`).
inline asio::awaitable<void> throw_if_cancelled() {
  auto state = co_await asio::this_coro::cancellation_state;
  bool cancelled = state.cancelled() != asio::cancellation_type::none;
  if (cancelled) co_await asio::this_coro::reset_cancellation_state();
  if (cancelled) throw CancelledError();
}

// Wakes coroutines waiting for a state change: they park on a timer that never
// expires, and notify_all cancels the wait. Waiters re-check their condition.
class condition {
 public:
  condition() = default;
  condition(condition&&) = default;
  condition& operator=(condition&&) = default;

  asio::awaitable<void> wait() {
    co_await throw_if_cancelled();
    if (!timer_) timer_ = std::make_unique<asio::steady_timer>(loop(), asio::steady_timer::time_point::max());
    boost::system::error_code ec;
    co_await timer_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
    // notify_all also ends the wait with operation_aborted: only the
    // coroutine's own cancellation state tells a cancel (task.cancel(),
    // wait_for's timeout) from a wake-up.
    co_await throw_if_cancelled();
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
  co_await detail::throw_if_cancelled();
  asio::steady_timer timer(co_await asio::this_coro::executor, detail::seconds(seconds));
  boost::system::error_code ec;
  co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  co_await detail::throw_if_cancelled();
}

namespace detail {
// What every task has whatever its result type: how it ended and how to
// cancel it. asyncio.run cancels the tasks still running when main returns.
struct task_core {
  std::exception_ptr error;
  bool done = false;
  bool cancelled = false;
  bool cancel_requested = false;
  std::string cancel_message;
  unsigned long order = 0;  // completion order, for gather's first exception
  condition finished;
  asio::cancellation_signal signal;

  bool future = false;  // asyncio.Future: no coroutine; set_result completes it

  // task.cancel(msg): False once the task is done. A future ends at once.
  bool cancel(std::string message = {}) {
    if (done) return false;
    cancel_requested = true;
    cancel_message = std::move(message);
    if (future) {
      error = std::make_exception_ptr(CancelledError(cancel_message));
      cancelled = true;
      finish();
      return true;
    }
    signal.emit(asio::cancellation_type::terminal);
    return true;
  }
  void finish() {
    done = true;
    order = ++completion_counter();
    finished.notify_all();
    completions().notify_all();
  }
};
inline std::vector<std::weak_ptr<task_core>>& live_tasks() {
  static std::vector<std::weak_ptr<task_core>> tasks;
  return tasks;
}
inline void track(const std::shared_ptr<task_core>& t) {
  auto& live = live_tasks();
  static size_t compact_at = 64;  // amortized: forgotten tasks are dropped when the list doubles
  if (live.size() >= compact_at) {
    std::erase_if(live, [](const auto& w) { return w.expired(); });
    compact_at = std::max<size_t>(64, 2 * live.size());
  }
  live.push_back(t);
}
// asyncio.run's last step: cancel what still runs. Returns whether any was.
inline bool cancel_live_tasks() {
  bool any = false;
  for (const auto& w : live_tasks())
    if (auto t = w.lock(); t && !t->done) any = t->cancel() || any;
  return any;
}
}  // namespace detail

// A running coroutine (asyncio.Task): co_spawned at once, awaited later.
// Cancelling it raises CancelledError at its pending await (see
// detail::throw_if_cancelled); a task that lets it escape is cancelled.
template <class T>
class task {
 public:
  using value_type = detail::value_t<T>;
  struct state : detail::task_core {
    std::optional<value_type> value;
  };

  task() = default;  // a variable assigned a task later
  explicit task(asio::awaitable<T> aw) : s_(std::make_shared<state>()) {
    auto s = s_;
    detail::track(s);
    auto body = [](std::shared_ptr<state> st, asio::awaitable<T> a) -> asio::awaitable<void> {
      co_await asio::this_coro::throw_if_cancelled(false);
      // As asyncio schedules a new task's first step, the coroutine starts
      // once its creator yields to the loop (co_spawn would start it inline).
      co_await asio::post(detail::loop(), asio::use_awaitable);
      try {
        // Cancelled before it ran: the coroutine never starts, as in Python.
        if (st->cancel_requested) throw CancelledError(st->cancel_message);
        if constexpr (std::is_void_v<T>) co_await std::move(a), st->value = None{};
        else st->value = co_await std::move(a);
      } catch (const CancelledError& e) {
        // Whoever awaits the task sees the message of task.cancel(msg).
        st->error = e.message().empty() && !st->cancel_message.empty()
                        ? std::make_exception_ptr(CancelledError(st->cancel_message))
                        : std::current_exception();
        st->cancelled = true;
      } catch (const boost::system::system_error& e) {
        // An Asio operation of the runtime's own aborted by the cancel.
        bool aborted = st->cancel_requested && e.code() == asio::error::operation_aborted;
        st->error = aborted ? std::make_exception_ptr(CancelledError(st->cancel_message)) : std::current_exception();
        st->cancelled = aborted;
      } catch (...) {
        st->error = std::current_exception();
      }
      st->finish();
    };
    asio::co_spawn(detail::loop(), body(s, std::move(aw)), asio::bind_cancellation_slot(s->signal.slot(), asio::detached));
  }

  // `await task`: its result, or its exception. Cancelling the awaiting
  // task cancels this one too, as asyncio does.
  // Not a coroutine itself: the awaitable may outlive this handle (it starts
  // when awaited), so it holds the state, not `this`.
  asio::awaitable<T> wait() const { return wait_on(s_); }
  static asio::awaitable<T> wait_on(std::shared_ptr<state> s) {
    while (!s->done) {
      try {
        co_await s->finished.wait();
      } catch (const CancelledError&) {
        s->cancel();
        throw;
      }
    }
    if (s->error) std::rethrow_exception(s->error);
    if constexpr (!std::is_void_v<T>) co_return *s->value;
  }
  // asyncio.Future: a task without a coroutine, completed by set_result,
  // set_exception or cancel.
  static task future() {
    task t;
    t.s_ = std::make_shared<state>();
    t.s_->future = true;
    return t;
  }
  void set_result(value_type v) const {
    if (s_->done) throw InvalidStateError("invalid state");
    s_->value = std::move(v);
    s_->finish();
  }
  template <class E>
  void set_exception(E e) const {
    if (s_->done) throw InvalidStateError("invalid state");
    s_->error = std::make_exception_ptr(std::move(e));
    s_->finish();
  }
  bool done() const { return s_->done; }
  bool cancel(std::string message = {}) const { return s_->cancel(std::move(message)); }
  bool cancelled() const { return s_->cancelled; }
  T result() const {
    if (s_->cancelled) std::rethrow_exception(s_->error);
    if (!s_->done) throw InvalidStateError("Result is not set.");
    if (s_->error) std::rethrow_exception(s_->error);
    if constexpr (!std::is_void_v<T>) return *s_->value;
  }
  const std::shared_ptr<state>& get_state() const { return s_; }
  // Tasks in a set (asyncio.wait's done and pending) are ordered by identity.
  friend bool operator<(const task& a, const task& b) { return a.s_ < b.s_; }

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
    try {
      co_await detail::completions().wait();
    } catch (const CancelledError&) {
      // A cancelled gather cancels what it waits for.
      for (const auto& t : tasks) t.cancel();
      throw;
    }
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
    try {
      co_await detail::completions().wait();
    } catch (const CancelledError&) {
      std::apply([](const auto&... t) { (t.cancel(), ...); }, tasks);
      throw;
    }
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

// asyncio.wait(tasks, timeout, return_when): the tasks done and those still
// pending, once return_when holds (ALL_COMPLETED, FIRST_COMPLETED,
// FIRST_EXCEPTION) or the timeout passes.
template <class Tasks>
auto wait(Tasks tasks, std::optional<double> timeout = std::nullopt, std::string return_when = "ALL_COMPLETED")
    -> asio::awaitable<std::tuple<std::set<typename Tasks::value_type>, std::set<typename Tasks::value_type>>> {
  using T = typename Tasks::value_type;
  if (tasks.empty()) throw ValueError("Set of Tasks/Futures is empty.");
  std::optional<task<void>> timer;
  if (timeout) timer.emplace(sleep(*timeout));
  while (true) {
    size_t done = 0;
    bool failed = false;
    for (const auto& t : tasks)
      if (t.done()) ++done, failed = failed || (t.get_state()->error && !t.cancelled());
    if (done == tasks.size() || (return_when == "FIRST_COMPLETED" && done > 0) || (return_when == "FIRST_EXCEPTION" && failed)) break;
    if (timer && timer->done()) break;
    co_await detail::completions().wait();
  }
  if (timer) timer->cancel();
  std::set<T> done, pending;
  for (const auto& t : tasks) (t.done() ? done : pending).insert(t);
  co_return std::make_tuple(std::move(done), std::move(pending));
}

// asyncio.wait_for: the operation races a timer; the loser is cancelled.
template <class T>
asio::awaitable<T> wait_for(asio::awaitable<T> aw, double timeout) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor, detail::seconds(timeout));
  // The operation runs as a coroutine of its own, cancelled on timeout.
  auto op = [](asio::awaitable<T> a) -> asio::awaitable<T> {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_return co_await std::move(a);
  };
  auto r = co_await (op(std::move(aw)) || timer.async_wait(asio::use_awaitable));
  if (r.index() == 1) throw TimeoutError();
  if constexpr (!std::is_void_v<T>) co_return std::get<0>(std::move(r));
}
template <class T>
asio::awaitable<T> wait_for(const task<T>& t, double timeout) {
  return wait_for(t.wait(), timeout);
}

// asyncio.shield(aw): a cancelled caller stops waiting (CancelledError at
// its await); the task runs on. A coroutine is made a task first, as Python does.
template <class T>
asio::awaitable<T> shield(task<T> t) {
  auto s = t.get_state();
  while (!s->done) co_await s->finished.wait();
  if (s->error) std::rethrow_exception(s->error);
  if constexpr (!std::is_void_v<T>) co_return *s->value;
}
template <class T>
asio::awaitable<T> shield(asio::awaitable<T> aw) {
  return shield(task<T>(std::move(aw)));
}

// asyncio.timeout(delay): `async with` runs its block as a coroutine raced
// against the deadline, as wait_for does; no delay (None) means no deadline.
struct timeout_scope {
  std::optional<double> delay;
  asio::awaitable<void> run(asio::awaitable<void> block) const {
    if (delay) co_await wait_for(std::move(block), *delay);
    else co_await std::move(block);
  }
};
inline timeout_scope timeout(double delay) { return {delay}; }
inline timeout_scope timeout(std::nullopt_t) { return {}; }
inline timeout_scope timeout(std::optional<double> delay) { return {delay}; }

// asyncio.PriorityQueue is a Queue whose get() takes the smallest item.
struct smallest_first_t {};
inline constexpr smallest_first_t smallest_first{};
// asyncio.LifoQueue is a Queue whose get() takes the newest item.
struct newest_first_t {};
inline constexpr newest_first_t newest_first{};

// asyncio.Queue (maxsize 0: unbounded). A handle: copies share the queue.
template <class T>
class Queue {
 public:
  explicit Queue(int maxsize = 0) : s_(std::make_shared<state>()) { s_->maxsize = maxsize; }
  // Only a priority queue needs its items ordered (instantiated only then).
  Queue(int maxsize, smallest_first_t) : Queue(maxsize) {
    s_->insert = [](std::deque<T>& items, T item) {
      items.insert(std::upper_bound(items.begin(), items.end(), item, less{}), std::move(item));
    };
  }
  Queue(int maxsize, newest_first_t) : Queue(maxsize) {
    s_->insert = [](std::deque<T>& items, T item) { items.push_front(std::move(item)); };
  }
  // The coroutines hold the shared state, not `this`: an awaitable starts
  // when awaited, and may outlive the handle it came from.
  asio::awaitable<void> put(T item) const {
    return [](std::shared_ptr<state> s, T item) -> asio::awaitable<void> {
      while (s->maxsize > 0 && static_cast<int>(s->items.size()) >= s->maxsize) co_await s->changed.wait();
      s->add(std::move(item));
      ++s->unfinished;
      s->changed.notify_all();
    }(s_, std::move(item));
  }
  void put_nowait(T item) const {
    if (s_->maxsize > 0 && static_cast<int>(s_->items.size()) >= s_->maxsize) throw Exception("QueueFull");
    s_->add(std::move(item));
    ++s_->unfinished;
    s_->changed.notify_all();
  }
  asio::awaitable<T> get() const {
    return [](std::shared_ptr<state> s) -> asio::awaitable<T> {
      while (s->items.empty()) co_await s->changed.wait();
      T item = std::move(s->items.front());
      s->items.pop_front();
      s->changed.notify_all();
      co_return item;
    }(s_);
  }
  T get_nowait() const {
    if (s_->items.empty()) throw Exception("QueueEmpty");
    T item = std::move(s_->items.front());
    s_->items.pop_front();
    s_->changed.notify_all();
    return item;
  }
  void task_done() const {
    if (s_->unfinished <= 0) throw ValueError("task_done() called too many times");
    --s_->unfinished;
    s_->changed.notify_all();
  }
  asio::awaitable<void> join() const {
    return [](std::shared_ptr<state> s) -> asio::awaitable<void> {
      while (s->unfinished > 0) co_await s->changed.wait();
    }(s_);
  }
  int qsize() const { return static_cast<int>(s_->items.size()); }
  bool empty() const { return s_->items.empty(); }
  bool full() const { return s_->maxsize > 0 && qsize() >= s_->maxsize; }

 private:
  struct state {
    std::deque<T> items;  // kept sorted in a priority queue
    int maxsize = 0;
    void (*insert)(std::deque<T>&, T) = nullptr;  // a priority queue's
    long unfinished = 0;
    detail::condition changed;
    void add(T item) {
      if (insert) insert(items, std::move(item));
      else items.push_back(std::move(item));
    }
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

  asio::awaitable<bool> acquire() const { return acquire_on(s_); }
  // `async with sem:`
  asio::awaitable<guard> hold() const {
    return [](std::shared_ptr<state> s) -> asio::awaitable<guard> {
      co_await acquire_on(s);
      co_return guard(s);
    }(s_);
  }
  void release() const {
    ++s_->value;
    s_->changed.notify_all();
  }
  bool locked() const { return s_->value <= 0; }

 private:
  static asio::awaitable<bool> acquire_on(std::shared_ptr<state> s) {
    while (s->value <= 0) co_await s->changed.wait();
    --s->value;
    co_return true;
  }
  std::shared_ptr<state> s_;
};

class Lock : public Semaphore {
 public:
  Lock() : Semaphore(1) {}
  void release() const {
    if (!locked()) throw RuntimeError("Lock is not acquired.");
    Semaphore::release();
  }
};

// asyncio.Condition: a lock (`async with cond:` holds it) whose holders
// wait() for a notify(), releasing the lock meanwhile and holding it again
// when woken, in the order they waited.
class Condition {
  struct state {
    Lock lock;
    std::deque<std::shared_ptr<bool>> waiters;  // each: woken yet
    detail::condition changed;
  };

 public:
  Condition() : s_(std::make_shared<state>()) {}
  asio::awaitable<bool> acquire() const { return s_->lock.acquire(); }
  void release() const { s_->lock.release(); }
  bool locked() const { return s_->lock.locked(); }
  asio::awaitable<Semaphore::guard> hold() const { return s_->lock.hold(); }

  asio::awaitable<bool> wait() const {
    return [](std::shared_ptr<state> s) -> asio::awaitable<bool> {
      if (!s->lock.locked()) throw RuntimeError("cannot wait on un-acquired lock");
      auto woken = std::make_shared<bool>(false);
      s->waiters.push_back(woken);
      s->lock.release();
      std::exception_ptr cancelled;
      try {
        while (!*woken) co_await s->changed.wait();
      } catch (...) {
        cancelled = std::current_exception();
        std::erase(s->waiters, woken);
      }
      // Python holds the lock again even when the wait is cancelled.
      co_await s->lock.acquire();
      if (cancelled) std::rethrow_exception(cancelled);
      co_return true;
    }(s_);
  }
  template <class Predicate>
  asio::awaitable<bool> wait_for(Predicate predicate) const {
    return [](Condition c, Predicate p) -> asio::awaitable<bool> {
      while (!p()) co_await c.wait();
      co_return true;
    }(*this, std::move(predicate));
  }
  void notify(int n = 1) const {
    if (!locked()) throw RuntimeError("cannot notify on un-acquired lock");
    for (; n > 0 && !s_->waiters.empty(); --n) {
      *s_->waiters.front() = true;
      s_->waiters.pop_front();
    }
    s_->changed.notify_all();
  }
  void notify_all() const { notify(std::numeric_limits<int>::max()); }

 private:
  std::shared_ptr<state> s_;
};

// asyncio.Barrier(parties): wait() returns once `parties` tasks wait, each
// with its arrival index; CPython's states (filling, draining, resetting,
// broken) on a Condition, so tasks wake in the order asyncio wakes them.
class Barrier {
  enum class phase { filling, draining, resetting, broken };
  struct state {
    Condition cond;
    int parties = 1;
    int count = 0;
    phase now = phase::filling;
  };

 public:
  explicit Barrier(int parties) : s_(std::make_shared<state>()) {
    if (parties < 1) throw ValueError("parties must be > 0");
    s_->parties = parties;
  }
  asio::awaitable<int> wait() const {
    return [](std::shared_ptr<state> s) -> asio::awaitable<int> {
      auto guard = co_await s->cond.hold();
      co_await s->cond.wait_for([s] { return s->now != phase::draining && s->now != phase::resetting; });
      if (s->now == phase::broken) throw BrokenBarrierError("Barrier aborted");
      int index = s->count++;
      struct leave {
        state& st;
        ~leave() {
          if (--st.count > 0) return;
          if (st.now == phase::resetting || st.now == phase::draining) st.now = phase::filling;
          st.cond.notify_all();
        }
      } on_exit{*s};
      if (index + 1 == s->parties) {
        s->now = phase::draining;
        s->cond.notify_all();
      } else {
        co_await s->cond.wait_for([s] { return s->now != phase::filling; });
        if (s->now == phase::broken || s->now == phase::resetting) throw BrokenBarrierError("Abort or reset of barrier");
      }
      co_return index;
    }(s_);
  }
  asio::awaitable<void> abort() const {
    return [](std::shared_ptr<state> s) -> asio::awaitable<void> {
      auto guard = co_await s->cond.hold();
      s->now = phase::broken;
      s->cond.notify_all();
    }(s_);
  }
  int parties() const { return s_->parties; }
  int n_waiting() const { return s_->now == phase::filling ? s_->count : 0; }
  bool broken() const { return s_->now == phase::broken; }

 private:
  std::shared_ptr<state> s_;
};

// asyncio.Event
class Event {
 public:
  Event() : s_(std::make_shared<state>()) {}
  void set() const {
    s_->flag = true;
    s_->changed.notify_all();
  }
  void clear() const { s_->flag = false; }
  bool is_set() const { return s_->flag; }
  asio::awaitable<bool> wait() const {
    return [](std::shared_ptr<state> s) -> asio::awaitable<bool> {
      while (!s->flag) co_await s->changed.wait();
      co_return true;
    }(s_);
  }

 private:
  struct state {
    bool flag = false;
    detail::condition changed;
  };
  std::shared_ptr<state> s_;
};

// asyncio.TaskGroup: `async with` waits for every task started in it; the
// first failure cancels the others, as in Python.
class TaskGroup {
 public:
  template <class T>
  task<T> create_task(asio::awaitable<T> aw) {
    task<T> t(std::move(aw));
    tasks_.push_back(t.get_state());
    return t;
  }
  asio::awaitable<void> join() {
    std::vector<std::exception_ptr> errors;
    std::vector<bool> counted;
    bool cancelled = false;
    auto cancel_all = [&] {
      for (const auto& t : tasks_) t->cancel();
    };
    while (true) {
      bool all_done = true;
      // By index: a task of the group may start more tasks in it.
      counted.resize(tasks_.size());
      std::vector<const detail::task_core*> failed;
      for (size_t i = 0; i < tasks_.size(); ++i) {
        const auto& t = *tasks_[i];
        all_done = all_done && t.done;
        if (t.done && t.error && !t.cancelled && !counted[i]) counted[i] = true, failed.push_back(&t);
      }
      // In the order they failed, as Python collects them.
      std::sort(failed.begin(), failed.end(), [](auto* a, auto* b) { return a->order < b->order; });
      for (auto* t : failed) errors.push_back(t->error);
      if (!failed.empty()) cancel_all();
      if (all_done) break;
      try {
        co_await detail::completions().wait();
      } catch (const CancelledError&) {
        // The task in the `async with` is cancelled: so is the group.
        cancelled = true;
        cancel_all();
      }
    }
    if (!errors.empty()) throw ExceptionGroup("unhandled errors in a TaskGroup", std::move(errors));
    if (cancelled) throw CancelledError();
  }

 private:
  std::vector<std::shared_ptr<detail::task_core>> tasks_;
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

// asyncio.get_running_loop(): the loop as a value; what its methods need is
// the running io_context (detail::loop()).
struct event_loop {};

namespace detail {
// A loop callback's exception is reported and the loop goes on, as asyncio's.
template <class F>
void run_callback(F& f) {
  try {
    f();
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "Exception in callback: %s\n", e.what());
  }
}
}  // namespace detail

// loop.call_soon(f, *args): runs after the callbacks ready now.
template <class F, class... Args>
void call_soon(F f, Args... args) {
  asio::post(detail::loop(), [f, args...]() mutable {
    auto call = [&] { f(args...); };
    detail::run_callback(call);
  });
}

// loop.call_later(delay, f, *args): runs once the delay has passed.
template <class F, class... Args>
void call_later(double delay, F f, Args... args) {
  auto timer = std::make_shared<asio::steady_timer>(detail::loop(), detail::seconds(delay));
  timer->async_wait([timer, f, args...](const std::error_code& ec) mutable {
    if (ec) return;
    auto call = [&] { f(args...); };
    detail::run_callback(call);
  });
}

// asyncio.run(main()): runs the event loop until main completes, then
// cancels the tasks still running and lets them finish (their `except
// CancelledError` and `finally` blocks run, as asyncio.run's do). An exception
// escaping main is reported on stderr and the exit status is 1, as Python's.
inline int run(asio::awaitable<void> main) {
  asio::io_context context;
  detail::loop() = context.get_executor();
  std::exception_ptr error;
  auto entry = [](asio::awaitable<void> m) -> asio::awaitable<void> {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_await std::move(m);
  };
  asio::co_spawn(context, entry(std::move(main)), [&](std::exception_ptr e) {
    error = e;
    detail::cancel_live_tasks();
  });
  context.run();
  detail::live_tasks().clear();
  detail::completions() = {};  // its timer belongs to this io_context
  std::fflush(stdout);
  return error ? detail::report_uncaught(error) : 0;
}

}  // namespace py
