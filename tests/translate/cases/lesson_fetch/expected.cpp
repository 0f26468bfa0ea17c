// Translated from input.py by asynctranslate.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<std::string> fetch_async(std::string url);
boost::asio::awaitable<void> async_main();

// The lesson's first example, verbatim except that the URL points at the test server.
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
    auto data = co_await fetch_async(py::environ("ASYNCTRANSLATE_TEST_URL"s));
    py::print(data);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
