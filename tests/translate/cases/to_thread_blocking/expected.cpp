// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

int crunch(int n);
boost::asio::awaitable<void> async_main();

int crunch(int n)
{
    py::sleep_blocking(0.01);  // blocking work, fine on a worker thread
    return py::sum([&] {
        std::vector<int> out;
        for (const auto& i : py::range(n)) out.push_back(i * i);
        return out;
    }());
}

boost::asio::awaitable<void> async_main()
{
    auto results = co_await py::gather(py::to_thread(crunch, 10), py::to_thread(crunch, 100));
    py::print(results);
    auto single = co_await py::to_thread(crunch, 5);
    py::print("single:"s, single);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
