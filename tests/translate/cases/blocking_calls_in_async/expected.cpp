// Translated from input.py by asynctranslate.
// Blocking calls inside async def become the .NET async APIs.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::string BASE_URL = py::environ("ASYNCTRANSLATE_TEST_URL");

boost::asio::awaitable<std::string> poll(std::string name, double delay);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<std::string> poll(std::string name, double delay)
{
    // time.sleep blocks the event loop; Task.Delay does not
    co_await py::sleep(delay);  // blocks the whole event loop in Python
    co_return fmt::format("{} polled", name);
}

boost::asio::awaitable<void> async_main()
{
    py::print(co_await poll("sensor"s, 0.01));
    auto page = (co_await py::http::get(BASE_URL + "/url2"s)).body();  // requests.get blocks the event loop; HttpClient.GetStringAsync does not
    py::print(page);
    auto response = co_await py::http::get(BASE_URL + "/missing"s);  // requests.get blocks the event loop; HttpClient.GetAsync does not
    py::print(response.status);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
