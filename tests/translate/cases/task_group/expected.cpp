// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<std::string> job(std::string name, double delay);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<std::string> job(std::string name, double delay)
{
    co_await py::sleep(delay);
    co_return fmt::format("{} done", name);
}

boost::asio::awaitable<void> async_main()
{
    py::task<std::string> first{};
    py::task<std::string> second{};
    {
        py::TaskGroup tg;
        first = tg.create_task(job("first"s, 0.03));
        second = tg.create_task(job("second"s, 0.01));
        co_await tg.join();
    }
    py::print(first.result());
    py::print(second.result());
    py::print("both finished:"s, first.done() && second.done());
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
