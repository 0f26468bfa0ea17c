// Translated from input.py by asynctranslate.
// Bounded concurrency: at most LIMIT downloads run at once.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct Tracker;

const int LIMIT = 2;

boost::asio::awaitable<std::string> download(int n, py::Semaphore sem, std::shared_ptr<Tracker> tracker);
boost::asio::awaitable<void> async_main();

struct Tracker
{
    int running{};
    int peak{};

    Tracker()
    {
        this->running = 0;
        this->peak = 0;
    }

    void enter()
    {
        this->running += 1;
        this->peak = py::max(this->peak, this->running);
    }

    void leave()
    {
        this->running -= 1;
    }
};

boost::asio::awaitable<std::string> download(int n, py::Semaphore sem, std::shared_ptr<Tracker> tracker)
{
    {
        auto guard = co_await sem.hold();
        tracker->enter();
        co_await py::sleep(0.02 * (py::mod(n, 3) + 1));
        tracker->leave();
    }
    co_return fmt::format("file-{}", n);
}

boost::asio::awaitable<void> async_main()
{
    auto sem = py::Semaphore(LIMIT);
    auto tracker = std::make_shared<Tracker>();
    auto results = co_await py::gather([&] {
        std::vector<boost::asio::awaitable<std::string>> out;
        for (const auto& n : py::range(6)) out.push_back(download(n, sem, tracker));
        return out;
    }());
    py::print(results);
    py::print("peak concurrency:"s, tracker->peak);
    py::print("within limit:"s, tracker->peak <= LIMIT);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
