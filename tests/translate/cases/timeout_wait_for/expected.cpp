// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<std::string> slow_operation(double delay);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<std::string> slow_operation(double delay)
{
    co_await py::sleep(delay);
    co_return fmt::format("finished after {}s", py::str(delay));
}

boost::asio::awaitable<void> async_main()
{
    // A fast call completes within its timeout.
    auto result = co_await py::wait_for(slow_operation(0.05), 1.0);
    py::print(result);
    // A slow one does not.
    try
    {
        co_await py::wait_for(slow_operation(2.0), 0.1);
        py::print("not reached"s);
    }
    catch (const py::TimeoutError&)
    {
        py::print("timed out"s);
    }
    try
    {
        co_await py::wait_for(slow_operation(2.0), 0.1);
    }
    catch (const py::TimeoutError&)
    {
        py::print("timed out again (builtin TimeoutError)"s);
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
