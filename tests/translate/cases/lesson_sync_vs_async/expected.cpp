// Translated from input.py by asynctranslate.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::string url = py::environ("ASYNCTRANSLATE_TEST_URL");

boost::asio::awaitable<void> async_main();

// The lesson's "Sync vs Async Libraries" example as one program.
boost::asio::awaitable<void> async_main()
{
    // Sync (blocks the event loop — avoid in async code)
    // requests.get blocks the event loop; HttpClient.GetAsync does not
    auto response = co_await py::http::get(url);  // blocks!
    py::print(response.status);
    auto body = (co_await py::http::get(url)).body();  // requests.get blocks the event loop; HttpClient.GetStringAsync does not
    py::print(body);

    // Async (correct for async contexts)
    std::string text{};
    {
        auto s = py::http::ClientSession();
        {
            auto r = co_await s.get(url);
            text = co_await r.text();
        }
    }
    py::print(text);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
