// Translated from input.py by asynctranslate.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::string BASE_URL = py::environ("ASYNCTRANSLATE_TEST_URL");

boost::asio::awaitable<std::vector<int>> get_numbers(py::http::ClientSession session);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<std::vector<int>> get_numbers(py::http::ClientSession session)
{
    {
        auto r = co_await session.get(BASE_URL + "/numbers"s);
        auto numbers = co_await r.json<std::vector<int>>();
        co_return numbers;
    }
}

boost::asio::awaitable<void> async_main()
{
    {
        auto session = py::http::ClientSession();
        auto numbers = co_await get_numbers(session);
        py::print("numbers:"s, numbers);
        py::print("sorted:"s, py::sorted(numbers));
        py::print("max:"s, py::max(numbers), "sum:"s, py::sum(numbers));
        py::dict<std::string, py::object> info{};
        {
            auto r = co_await session.get(BASE_URL + "/json"s);
            info = co_await r.json<py::dict<std::string, py::object>>();
        }
        py::print(info.at("name"s), info.at("version"s));
        py::print(info);
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
