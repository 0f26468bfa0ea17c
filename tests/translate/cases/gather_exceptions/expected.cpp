// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<int> risky(int n);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<int> risky(int n)
{
    co_await py::sleep(0.01 * n);
    if (py::mod(n, 2) == 0)
    {
        throw py::ValueError(fmt::format("bad input {}", n));
    }
    co_return n * n;
}

boost::asio::awaitable<void> async_main()
{
    auto results = co_await py::gather_settled(risky(1), risky(2), risky(3));
    py::print(results);
    for (const auto& r : results)
    {
        if (py::isinstance<py::Exception>(r))
        {
            py::print("error:"s, r);
        }
        else
        {
            py::print("ok:"s, r);
        }
    }
    try
    {
        co_await py::gather(risky(1), risky(4));
    }
    catch (const py::ValueError& e)
    {
        py::print(fmt::format("gather raised: {}", py::str(e)));
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
