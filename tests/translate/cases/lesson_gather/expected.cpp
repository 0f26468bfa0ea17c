// Translated from input.py by asynctranslate.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::string BASE_URL = py::environ("ASYNCTRANSLATE_TEST_URL");

boost::asio::awaitable<std::string> fetch_async(std::string url);
boost::asio::awaitable<void> async_main();

// The lesson's gather example; fetch_async is the lesson's, the URLs point at the test server.
boost::asio::awaitable<std::string> fetch_async(std::string url)
{
    {
        auto session = py::http::ClientSession();
        {
            auto response = co_await session.get(url);
            co_return co_await response.text();
        }
    }
}

boost::asio::awaitable<void> async_main()
{
    auto results = co_await py::gather(fetch_async(BASE_URL + "/url1"s), fetch_async(BASE_URL + "/url2"s), fetch_async(BASE_URL + "/url3"s));
    // results is a list in the same order
    py::print(results);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
