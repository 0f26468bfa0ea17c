// Translated from input.py by asynctranslate.
// A pool of workers draining a job queue, with per-worker tallies.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

const std::string STOP = "";

boost::asio::awaitable<int> worker(std::string name, py::Queue<std::string> jobs, std::vector<std::string>& done);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<int> worker(std::string name, py::Queue<std::string> jobs, std::vector<std::string>& done)
{
    auto handled = 0;
    while (true)
    {
        auto job = co_await jobs.get();
        if (job == STOP)
        {
            co_return handled;
        }
        co_await py::sleep(0.005);
        done.push_back(py::upper(job));
        handled += 1;
    }
}

boost::asio::awaitable<void> async_main()
{
    auto jobs = py::Queue<std::string>(10);
    auto done = std::vector<std::string>{};
    auto workers = [&] {
        std::vector<py::task<int>> out;
        for (const auto& i : py::range(3)) out.push_back(py::create_task(worker(fmt::format("w{}", i), jobs, done)));
        return out;
    }();
    for (const auto& job : py::list_of<std::string>("alpha"s, "beta"s, "gamma"s, "delta"s, "epsilon"s, "zeta"s))
    {
        co_await jobs.put(job);
    }
    for ([[maybe_unused]] const auto& _ : workers)
    {
        co_await jobs.put(STOP);
    }
    auto counts = co_await py::gather(workers);
    py::print("jobs handled:"s, py::sum(counts));
    py::print(py::sorted(done));
    py::print("all workers finished:"s, py::len(counts) == 3);
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
