// Translated from input.py by asynctranslate.
// Fan-out HTTP fetch: one session, many requests, results in order.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::string BASE_URL = py::environ("ASYNCTRANSLATE_TEST_URL");

boost::asio::awaitable<std::string> fetch(py::http::ClientSession session, std::string path);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<std::string> fetch(py::http::ClientSession session, std::string path)
{
    {
        auto response = co_await session.get(BASE_URL + path);
        auto body = co_await response.text();
        co_return fmt::format("{} -> {}: {}", path, response.status, body);
    }
}

boost::asio::awaitable<void> async_main()
{
    auto paths = [&] {
        std::vector<std::string> out;
        for (const auto& i : py::range(5)) out.push_back(fmt::format("/item/{}", i));
        return out;
    }();
    std::vector<std::string> results{};
    {
        auto session = py::http::ClientSession();
        auto tasks = [&] {
            std::vector<py::task<std::string>> out;
            for (const auto& p : paths) out.push_back(py::create_task(fetch(session, p)));
            return out;
        }();
        results = co_await py::gather(tasks);
    }
    for (const auto& line : results)
    {
        py::print(line);
    }
    py::print(py::len(results), "responses"s);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
