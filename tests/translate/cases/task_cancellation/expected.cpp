// Translated from input.py by asynctranslate.
// Cancelling tasks: CancelledError reaches the task at its await, its cleanup
// runs, and whoever awaits the task sees the cancellation.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<int> worker(std::string name, py::Event started);
boost::asio::awaitable<std::string> stubborn(py::Event started);
boost::asio::awaitable<void> guarded(py::Event started);
boost::asio::awaitable<void> nested_sleep(int depth);
boost::asio::awaitable<void> consumer(py::Queue<int> queue, std::vector<int>& results);
boost::asio::awaitable<std::string> slow_lookup(std::string key);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<int> worker(std::string name, py::Event started)
{
    py::print(fmt::format("{}: started", name));
    started.set();
    {
        py::finally cleanup([&] {
            py::print(fmt::format("{}: finally", name));
        });
        try
        {
            co_await py::sleep(10);
            py::print(fmt::format("{}: not reached", name));
            co_return 1;
        }
        catch (const py::CancelledError&)
        {
            py::print(fmt::format("{}: cancelled, cleaning up", name));
            throw;
        }
    }
}

boost::asio::awaitable<std::string> stubborn(py::Event started)
{
    started.set();
    try
    {
        co_await py::sleep(10);
    }
    catch (const py::CancelledError&)
    {
        py::print("stubborn: ignoring the cancellation"s);
    }
    co_return "stubborn result"s;
}

boost::asio::awaitable<void> guarded(py::Event started)
{
    started.set();
    try
    {
        co_await py::sleep(10);
    }
    catch (const py::Exception&)
    {
        py::print("guarded: not reached, CancelledError is not an Exception"s);
    }
}

boost::asio::awaitable<void> nested_sleep(int depth)
{
    if (depth == 0)
    {
        co_await py::sleep(10);
        co_return;
    }
    {
        py::finally cleanup([&] {
            py::print(fmt::format("unwinding level {}", depth));
        });
        co_await nested_sleep(depth - 1);
    }
}

boost::asio::awaitable<void> consumer(py::Queue<int> queue, std::vector<int>& results)
{
    while (true)
    {
        auto item = co_await queue.get();
        results.push_back(item * 10);
    }
}

boost::asio::awaitable<std::string> slow_lookup(std::string key)
{
    try
    {
        co_await py::sleep(10);
        co_return key;
    }
    catch (const py::CancelledError&)
    {
        py::print(fmt::format("lookup {}: cancelled by the timeout", key));
        throw;
    }
}

boost::asio::awaitable<void> async_main()
{
    auto started = py::Event();
    auto task = py::create_task(worker("alpha"s, started));
    co_await started.wait();
    py::print("main: cancelling alpha"s);
    task.cancel();
    try
    {
        co_await py::wait(task);
    }
    catch (const py::CancelledError&)
    {
        py::print("main: alpha was cancelled"s);
    }
    py::print("cancelled:"s, task.cancelled(), "done:"s, task.done());
    py::print("cancel again:"s, task.cancel());

    auto started_stubborn = py::Event();
    auto stubborn_task = py::create_task(stubborn(started_stubborn));
    co_await started_stubborn.wait();
    stubborn_task.cancel();
    py::print("stubborn returned:"s, co_await py::wait(stubborn_task));
    py::print("stubborn cancelled:"s, stubborn_task.cancelled());

    auto started_guarded = py::Event();
    auto guarded_task = py::create_task(guarded(started_guarded));
    co_await started_guarded.wait();
    guarded_task.cancel();
    try
    {
        co_await py::wait(guarded_task);
    }
    catch (const py::CancelledError&)
    {
        py::print("guarded: cancelled through `except Exception`"s);
    }

    auto nested = py::create_task(nested_sleep(3));
    co_await py::sleep(0);
    nested.cancel();
    try
    {
        co_await py::wait(nested);
    }
    catch (const py::CancelledError&)
    {
        py::print("nested: cancelled"s);
    }

    auto queue = py::Queue<int>();
    auto results = std::vector<int>{};
    auto consumer_task = py::create_task(consumer(queue, results));
    for (int i = 0; i < 5; ++i)
    {
        co_await queue.put(i);
    }
    while (py::len(results) < 5)
    {
        co_await py::sleep(0.01);
    }
    consumer_task.cancel();
    try
    {
        co_await py::wait(consumer_task);
    }
    catch (const py::CancelledError&)
    {
        py::print("consumer stopped after"s, results);
    }

    try
    {
        co_await py::wait_for(slow_lookup("user:42"s), 0.05);
    }
    catch (const py::TimeoutError&)
    {
        py::print("main: lookup timed out"s);
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
