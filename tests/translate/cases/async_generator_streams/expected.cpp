// Translated from input.py by asynctranslate.
// Async generators beyond a pipeline: early exits, a queue, finally, a method.

#include <asynctranslate/generator.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct Sensor;

py::async_generator<int> countdown(int start, int step = 1);
py::async_generator<int> evens(int limit);
py::async_generator<std::string> lines(py::Queue<std::string> queue);
boost::asio::awaitable<void> producer(py::Queue<std::string> queue, const std::vector<std::string>& words);
py::async_generator<int> guarded(int limit);
boost::asio::awaitable<int> first_over(int limit, py::async_generator<int> source);
boost::asio::awaitable<void> async_main();

struct Sensor : public std::enable_shared_from_this<Sensor>
{
    std::string name{};
    std::vector<double> readings{};

    Sensor(std::string name, std::vector<double> readings)
    {
        this->name = name;
        this->readings = readings;
    }

    py::async_generator<std::tuple<std::string, double>> stream(double scale)
    {
        return stream(shared_from_this(), scale);
    }

    static py::async_generator<std::tuple<std::string, double>> stream(std::shared_ptr<Sensor> self, double scale)
    {
        for (const auto& r : self->readings)
        {
            co_await py::sleep(0.001);
            co_yield std::tuple<std::string, double>{self->name, r * scale};
        }
    }
};

py::async_generator<int> countdown(int start, int step)
{
    auto n = start;
    while (n > 0)
    {
        co_yield n;
        n -= step;
    }
    py::print("countdown finished"s);
}

py::async_generator<int> evens(int limit)
{
    for (int i = 0; i < limit; i += 2)
    {
        co_await py::sleep(0);
        co_yield i;
    }
}

// Yields the queue's lines, upper-cased, until an empty one.
py::async_generator<std::string> lines(py::Queue<std::string> queue)
{
    while (true)
    {
        auto line = co_await queue.get();
        if (line == ""s)
        {
            co_return;
        }
        co_yield py::upper(line);
    }
}

boost::asio::awaitable<void> producer(py::Queue<std::string> queue, const std::vector<std::string>& words)
{
    for (const auto& w : words)
    {
        co_await py::sleep(0.001);
        co_await queue.put(w);
    }
    co_await queue.put(""s);
}

py::async_generator<int> guarded(int limit)
{
    {
        py::finally cleanup([&] {
            py::print("guarded cleanup"s);
        });
        for (int i = 0; i < limit; ++i)
        {
            co_await py::sleep(0);
            co_yield i * 10;
        }
    }
}

boost::asio::awaitable<int> first_over(int limit, py::async_generator<int> source)
{
    while (auto next1 = co_await source.next())
    {
        const auto& n = *next1;
        if (n > limit)
        {
            co_return n;
        }
    }
    co_return -1;
}

boost::asio::awaitable<void> async_main()
{
    // break leaves the generator suspended; it never finishes.
    for (auto&& source2 = countdown(10, 3); auto next2 = co_await source2.next();)
    {
        const auto& n = *next2;
        if (n < 5)
        {
            break;
        }
        py::print("count"s, n);
    }
    for (auto&& source3 = countdown(3); auto next3 = co_await source3.next();)
    {
        const auto& n = *next3;
        py::print("to the end"s, n);
    }

    auto queue = py::Queue<std::string>();
    auto task = py::create_task(producer(queue, py::keep(py::list_of<std::string>("alpha"s, "beta"s, "gamma"s))));
    for (auto&& source4 = lines(queue); auto next4 = co_await source4.next();)
    {
        const auto& line = *next4;
        py::print("line"s, line);
    }
    co_await py::wait(task);

    auto total = 0;
    for (auto&& source5 = guarded(4); auto next5 = co_await source5.next();)
    {
        const auto& v = *next5;
        if (v == 20)
        {
            continue;
        }
        total += v;
    }
    py::print("total"s, total);

    // The generator keeps its object alive after the call returns.
    for (auto&& source7 = std::make_shared<Sensor>("humidity"s, py::list_of<double>(0.5, 0.25))->stream(100.0); auto next7 = co_await source7.next();)
    {
        const auto& item6 = *next7;
        const auto& name = std::get<0>(item6);
        const auto& value = std::get<1>(item6);
        py::print(name, value);
    }
    auto sensor = std::make_shared<Sensor>("temp"s, py::list_of<double>(20.5, 21.0, 19.75));
    for (auto&& source9 = sensor->stream(2.0); auto next9 = co_await source9.next();)
    {
        const auto& item8 = *next9;
        const auto& name = std::get<0>(item8);
        const auto& value = std::get<1>(item8);
        py::print(fmt::format("{}: {:.2f}", name, value));
    }

    py::print("first over 5:"s, co_await first_over(5, evens(20)));
    py::print("first over 50:"s, co_await first_over(50, evens(20)));
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
