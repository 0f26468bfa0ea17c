// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<int> compute_async();
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<int> compute_async()
{
    co_await py::sleep(0.1);  // Task.Delay equivalent
    co_return 42;
}

boost::asio::awaitable<void> async_main()
{
    auto result = co_await compute_async();
    py::print(result);
}
// Must explicitly run the event loop
// In Jupyter notebooks or async contexts, just await:
// result = await compute_async()
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
