// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<std::string> measure(std::string name, double delay);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<std::string> measure(std::string name, double delay)
{
    co_await py::sleep(delay);
    co_return name;
}

boost::asio::awaitable<void> async_main()
{
    auto tasks = py::list_of<py::task<std::string>>(py::create_task(measure("slow"s, 0.4)), py::create_task(measure("fast"s, 0.01)), py::create_task(measure("medium"s, 0.2)));
    auto order = std::vector<std::string>{};
    for (auto& next_done : py::as_completed(tasks))
    {
        auto name = co_await py::wait(next_done);
        order.push_back(name);
        py::print("finished:"s, name);
    }
    py::print(order);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
