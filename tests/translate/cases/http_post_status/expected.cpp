// Translated from input.py by asynctranslate.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::string BASE_URL = py::environ("ASYNCTRANSLATE_TEST_URL");

boost::asio::awaitable<bool> check(py::http::ClientSession session, std::string path);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<bool> check(py::http::ClientSession session, std::string path)
{
    {
        auto response = co_await session.get(BASE_URL + path);
        if (response.status == 404)
        {
            py::print(fmt::format("{}: not found", path));
            co_return false;
        }
        py::print(fmt::format("{}: ok ({})", path, response.status));
        co_return true;
    }
}

boost::asio::awaitable<void> async_main()
{
    {
        auto session = py::http::ClientSession();
        auto found = std::vector<bool>{};
        for (const auto& p : py::list_of<std::string>("/"s, "/missing"s, "/url1"s))
        {
            found.push_back(co_await check(session, p));
        }
        py::print(found);
        {
            auto r = co_await session.post_json(BASE_URL + "/echo"s, py::dict_of<std::string, py::object>("user"s, "ada"s, "score"s, 42));
            auto text = co_await r.text();
            py::print(r.status, text);
        }
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
