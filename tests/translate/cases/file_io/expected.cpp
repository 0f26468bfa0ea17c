// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

boost::asio::awaitable<void> save(std::string path, const std::vector<std::string>& lines);
boost::asio::awaitable<std::vector<std::string>> load(std::string path);
boost::asio::awaitable<void> async_main();

boost::asio::awaitable<void> save(std::string path, const std::vector<std::string>& lines)
{
    co_await py::to_thread(py::write_file, path, py::join("\n"s, lines));  // open().write() blocks the event loop; File.WriteAllTextAsync does not
}

boost::asio::awaitable<std::vector<std::string>> load(std::string path)
{
    auto text = co_await py::to_thread(py::read_file, path);  // open().read() blocks the event loop; File.ReadAllTextAsync does not
    co_return py::split(text, "\n"s);
}

boost::asio::awaitable<void> async_main()
{
    co_await save("notes.txt"s, py::lvalue(py::list_of<std::string>("first"s, "second"s, "third"s)));
    auto lines = co_await load("notes.txt"s);
    py::print(py::len(lines), "lines"s);
    for (const auto& item1 : py::enumerate(lines, 1))
    {
        const auto& i = std::get<0>(item1);
        const auto& line = std::get<1>(item1);
        py::print(fmt::format("{}: {}", i, py::upper(line)));
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
