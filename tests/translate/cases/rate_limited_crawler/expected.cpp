// Translated from input.py by asynctranslate.
// Crawl pages from the test server, at most two requests at a time.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct Crawler;

std::string BASE_URL = py::environ("ASYNCTRANSLATE_TEST_URL");
const int MAX_CONCURRENT = 2;

boost::asio::awaitable<void> async_main();

struct Crawler
{
    py::http::ClientSession session{};
    py::Semaphore semaphore{};
    py::dict<std::string, std::string> pages{};

    Crawler(py::http::ClientSession session, int limit)
    {
        this->session = session;
        this->semaphore = py::Semaphore(limit);
        this->pages = py::dict<std::string, std::string>{};
    }

    boost::asio::awaitable<void> fetch(std::string path)
    {
        {
            auto guard = co_await this->semaphore.hold();
            {
                auto response = co_await this->session.get(BASE_URL + path);
                if (response.status != 200)
                {
                    py::print(fmt::format("skip {} ({})", path, response.status));
                    co_return;
                }
                this->pages[path] = co_await response.text();
            }
        }
    }

    boost::asio::awaitable<int> crawl(const std::vector<std::string>& paths)
    {
        co_await py::gather([&] {
            std::vector<boost::asio::awaitable<void>> out;
            for (const auto& p : paths) out.push_back(this->fetch(p));
            return out;
        }());
        co_return py::len(this->pages);
    }
};

boost::asio::awaitable<void> async_main()
{
    int count{};
    std::shared_ptr<Crawler> crawler{};
    {
        auto session = py::http::ClientSession();
        crawler = std::make_shared<Crawler>(session, MAX_CONCURRENT);
        count = co_await crawler->crawl(py::lvalue(py::list_of<std::string>("/url1"s, "/url2"s, "/missing"s, "/url3"s)));
    }
    py::print("fetched"s, count, "pages"s);
    for (const auto& path : py::sorted(crawler->pages.keys()))
    {
        py::print(path, "=>"s, crawler->pages.at(path));
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
