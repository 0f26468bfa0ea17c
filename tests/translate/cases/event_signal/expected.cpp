// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<std::string> waiter(py::Event event, std::string name);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<std::string> waiter(py::Event event, std::string name)
{
    co_await event.wait();
    co_return fmt::format("{} saw the event", name);
}

boost::asio::awaitable<void> async_main()
{
    auto ready = py::Event();
    py::print("set before:"s, ready.is_set());
    auto waiters = [&] {
        std::vector<py::task<std::string>> out;
        for (const auto& i : py::range(3)) out.push_back(py::create_task(waiter(ready, fmt::format("w{}", i))));
        return out;
    }();
    co_await py::sleep(0.02);
    ready.set();
    auto results = co_await py::gather(waiters);
    for (const auto& r : results)
    {
        py::print(r);
    }
    py::print("set after:"s, ready.is_set());
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
