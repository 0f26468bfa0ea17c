// Translated from input.py by asynctranslate.
// An async generator pipeline: source -> transform -> sink.

#include <asynctranslate/generator.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

py::async_generator<int> numbers(int limit);
py::async_generator<int> squares(py::async_generator<int> source);
boost::asio::awaitable<void> async_main();

py::async_generator<int> numbers(int limit)
{
    for (int i = 0; i < limit; ++i)
    {
        co_await py::sleep(0.001);
        co_yield i;
    }
}

py::async_generator<int> squares(py::async_generator<int> source)
{
    while (auto next1 = co_await source.next())
    {
        const auto& n = *next1;
        if (py::mod(n, 2) == 1)
        {
            continue;
        }
        co_yield n * n;
    }
}

boost::asio::awaitable<void> async_main()
{
    auto collected = std::vector<int>{};
    for (auto&& source2 = squares(numbers(10)); auto next2 = co_await source2.next();)
    {
        const auto& value = *next2;
        collected.push_back(value);
        py::print("got"s, value);
    }
    py::print("sum:"s, py::sum(collected));
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
