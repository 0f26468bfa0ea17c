// The C++ runtime's asyncio semantics on their own: cancellation, task start
// order, TaskGroup, Condition, PriorityQueue, asyncio.wait, and Python's
// ordering and equality of class values (shared_ptrs).
#include <gtest/gtest.h>

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace {

namespace asio = boost::asio;
using Log = std::vector<std::string>;

struct Job {
  int priority;
  std::string name;
  auto as_tuple() const { return std::tie(priority, name); }
  friend bool operator<(const Job& a, const Job& b) { return py::less{}(a.as_tuple(), b.as_tuple()); }
  friend bool operator==(const Job& a, const Job& b) { return py::equal{}(a.as_tuple(), b.as_tuple()); }
};
struct Plain {
  int x;
};

TEST(CppRuntime, ClassValuesOrderAndCompareByWhatTheyPointTo) {
  auto a = std::make_shared<Job>(Job{2, "a"}), b = std::make_shared<Job>(Job{1, "z"}), c = std::make_shared<Job>(Job{1, "b"});
  std::vector<std::shared_ptr<Job>> jobs{a, b, c};
  auto sorted = py::sorted(jobs);
  EXPECT_EQ(sorted[0], c);
  EXPECT_EQ(sorted[1], b);
  EXPECT_EQ(sorted[2], a);
  EXPECT_EQ(py::max(jobs), a);
  EXPECT_TRUE(py::less{}(std::make_tuple(1, b), std::make_tuple(1, a)));
  // A dataclass compares by field; another class by identity, as Python's default __eq__.
  EXPECT_TRUE(py::equal{}(a, std::make_shared<Job>(Job{2, "a"})));
  auto p = std::make_shared<Plain>(Plain{1});
  EXPECT_FALSE(py::equal{}(p, std::make_shared<Plain>(Plain{1})));
  EXPECT_TRUE(py::equal{}(p, p));
  EXPECT_TRUE(py::contains(jobs, std::make_shared<Job>(Job{1, "z"})));
}

asio::awaitable<void> sleeper(Log& log, std::string name) {
  log.push_back(name + " start");
  try {
    co_await py::sleep(10);
    log.push_back(name + " not reached");
  } catch (const py::CancelledError&) {
    log.push_back(name + " cancelled");
    throw;
  }
}

TEST(CppRuntime, CancelRaisesAtThePendingAwaitAndBeforeTheStartNeverRuns) {
  Log log;
  int status = py::run([](Log& log) -> asio::awaitable<void> {
    auto t = py::create_task(sleeper(log, "a"));
    log.push_back("created");  // a task starts once its creator yields
    co_await py::sleep(0);
    EXPECT_TRUE(t.cancel());
    try {
      co_await t.wait();
    } catch (const py::CancelledError&) {
      log.push_back("awaiter saw it");
    }
    EXPECT_TRUE(t.cancelled());
    EXPECT_FALSE(t.cancel());
    auto never = py::create_task(sleeper(log, "never"));
    never.cancel();
    try {
      co_await never.wait();
    } catch (const py::CancelledError&) {
      log.push_back("never ran");
    }
  }(log));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(log, (Log{"created", "a start", "a cancelled", "awaiter saw it", "never ran"}));
}

TEST(CppRuntime, RunCancelsTheTasksLeftRunning) {
  Log log;
  py::run([](Log& log) -> asio::awaitable<void> {
    py::create_task(sleeper(log, "left"));
    co_await py::sleep(0);
  }(log));
  EXPECT_EQ(log, (Log{"left start", "left cancelled"}));
}

asio::awaitable<int> fails_after(double s) {
  co_await py::sleep(s);
  throw py::ValueError("boom");
}

TEST(CppRuntime, TaskGroupCancelsTheOthersAndRaisesAnExceptionGroup) {
  Log log;
  py::run([](Log& log) -> asio::awaitable<void> {
    try {
      py::TaskGroup tg;
      tg.create_task(sleeper(log, "sibling"));
      tg.create_task(fails_after(0.01));
      co_await tg.join();
    } catch (const py::ExceptionGroup& eg) {
      log.push_back(py::str(eg));
    }
  }(log));
  EXPECT_EQ(log, (Log{"sibling start", "sibling cancelled", "unhandled errors in a TaskGroup (1 sub-exception)"}));
}

TEST(CppRuntime, ConditionWakesWaitersInOrderHoldingTheLock) {
  Log log;
  py::run([](Log& log) -> asio::awaitable<void> {
    py::Condition cond;
    std::vector<int> items;
    auto waiter = [](py::Condition cond, std::vector<int>& items, Log& log, std::string name) -> asio::awaitable<void> {
      auto guard = co_await cond.hold();
      co_await cond.wait_for([&] { return !items.empty(); });
      EXPECT_TRUE(cond.locked());
      log.push_back(name + " got " + py::str(py::pop(items, 0)));
    };
    auto a = py::create_task(waiter(cond, items, log, "a"));
    auto b = py::create_task(waiter(cond, items, log, "b"));
    for (int i = 0; i < 2; ++i) {
      co_await py::sleep(0.001);
      auto guard = co_await cond.hold();
      items.push_back(i);
      cond.notify();
    }
    co_await a.wait();
    co_await b.wait();
  }(log));
  EXPECT_EQ(log, (Log{"a got 0", "b got 1"}));
}

TEST(CppRuntime, PriorityQueueGivesTheSmallestFirst) {
  std::vector<std::tuple<int, std::string>> out;
  py::run([](auto& out) -> asio::awaitable<void> {
    py::Queue<std::tuple<int, std::string>> q(0, py::smallest_first);
    for (auto item : {std::make_tuple(3, std::string("c")), std::make_tuple(1, std::string("b")), std::make_tuple(1, std::string("a"))})
      co_await q.put(item);
    while (!q.empty()) out.push_back(co_await q.get());
  }(out));
  EXPECT_EQ(out, (std::vector<std::tuple<int, std::string>>{{1, "a"}, {1, "b"}, {3, "c"}}));
}

asio::awaitable<int> after(double s, int v) {
  co_await py::sleep(s);
  co_return v;
}

TEST(CppRuntime, WaitReturnsDoneAndPendingSets) {
  std::vector<size_t> sizes;
  py::run([](auto& sizes) -> asio::awaitable<void> {
    std::vector<py::task<int>> ts{py::create_task(after(0.001, 1)), py::create_task(after(0.05, 2))};
    auto [done, pending] = co_await py::wait(ts, std::nullopt, "FIRST_COMPLETED");
    sizes.push_back(done.size());
    sizes.push_back(pending.size());
    auto [late, none] = co_await py::wait(pending, 1.0);
    sizes.push_back(late.size());
    sizes.push_back(none.size());
  }(sizes));
  EXPECT_EQ(sizes, (std::vector<size_t>{1, 1, 1, 0}));
}

}  // namespace
