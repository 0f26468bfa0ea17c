// Translated from input.py by asynctranslate.
// Producer/consumer over an asyncio.Queue with a sentinel to stop.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

int SENTINEL = -1;

boost::asio::awaitable<void> producer(py::Queue<int> queue, int count);
boost::asio::awaitable<int> consumer(py::Queue<int> queue);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<void> producer(py::Queue<int> queue, int count)
{
    for (int i = 1, i_stop = count + 1; i < i_stop; ++i)
    {
        co_await queue.put(i * 10);
        co_await py::sleep(0.01);
    }
    co_await queue.put(SENTINEL);
}

boost::asio::awaitable<int> consumer(py::Queue<int> queue)
{
    auto total = 0;
    while (true)
    {
        auto item = co_await queue.get();
        if (item == SENTINEL)
        {
            break;
        }
        total += item;
    }
    co_return total;
}

boost::asio::awaitable<void> async_main()
{
    auto queue = py::Queue<int>();
    auto consumer_task = py::create_task(consumer(queue));
    co_await producer(queue, 5);
    auto total = co_await py::wait(consumer_task);
    py::print(fmt::format("consumed total: {}", total));
    py::print("queue empty:"s, queue.empty());
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
