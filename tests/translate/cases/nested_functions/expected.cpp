// Translated from input.py by asynctranslate.
// Nested functions: helpers, closures over locals and `nonlocal`, and nested
// coroutines passed to gather and create_task.

#include <asynctranslate/generator.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::vector<std::string> report(std::string title, std::vector<int> values);
int factorial(int n);
boost::asio::awaitable<void> async_main();

std::vector<std::string> report(std::string title, std::vector<int> values)
{
    auto line = [&](std::string label, int value) -> std::string
    {
        return fmt::format("{}/{}: {}", title, label, value);
    };

    auto out = std::vector<std::string>{};
    for (const auto& item1 : py::enumerate(values))
    {
        const auto& i = std::get<0>(item1);
        const auto& v = std::get<1>(item1);
        out.push_back(line(py::str(i), v));
    }
    return out;
}

int factorial(int n)
{
    std::function<int(int)> go = [&](int k) -> int
    {
        if (k <= 1)
        {
            return 1;
        }
        return k * go(k - 1);
    };

    return go(n);
}

boost::asio::awaitable<void> async_main()
{
    auto results = std::vector<std::string>{};
    auto delay = 0.1;

    auto worker = [](double delay, std::vector<std::string>& results, std::string name, int n) -> boost::asio::awaitable<int>
    {
        co_await py::sleep(delay * n);
        results.push_back(name);
        co_return n * n;
    };

    auto squares = co_await py::gather(worker(delay, results, "a"s, 3), worker(delay, results, "b"s, 1), worker(delay, results, "c"s, 2));
    py::print(squares, results);

    auto counter = 0;

    auto bump = [&](int by) -> void
    {
        counter += by;
    };

    bump(2);
    bump(5);
    py::print("counter"s, counter);

    auto tick = [](int& counter, int times) -> boost::asio::awaitable<void>
    {
        for (int _ = 0; _ < times; ++_)
        {
            co_await py::sleep(0);
            counter += 1;
        }
    };

    auto task = py::create_task(tick(counter, 3));
    auto late = py::create_task(worker(delay, results, "late"s, 1));
    co_await py::wait(task);
    py::print("after ticks"s, counter, "late"s, co_await py::wait(late));

    auto evens = [](int& counter, int limit) -> py::async_generator<int>
    {
        for (int i = 0; i < limit; ++i)
        {
            if (py::mod(i, 2) == 0)
            {
                co_await py::sleep(0);
                co_yield i * counter;
            }
        }
    };

    for (auto&& source2 = evens(counter, 5); auto next2 = co_await source2.next();)
    {
        const auto& e = *next2;
        py::print("even"s, e);
    }

    auto blocking_total = [=](int limit) -> int
    {
        auto total = 0;
        for (int i = 0; i < limit; ++i)
        {
            total += i;
        }
        return total;
    };

    py::print("thread"s, co_await py::to_thread(blocking_total, 100));
    for (const auto& line : report("r"s, py::list_of<int>(4, 5)))
    {
        py::print(line);
    }
    py::print("5! ="s, factorial(5));
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
