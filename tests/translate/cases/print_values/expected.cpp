// Translated from input.py by asynctranslate.

#include <asynctranslate/http.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

void sync_main();

void sync_main()
{
    py::print(true, false, py::None{});
    py::print(0.1, 1.0, 1e-05, 1e16, 123456789.0, 0.1 + 0.2, -0.0, 2.5e-10);
    py::print(std::vector<int>{1, 2, 3}, std::vector<py::object>{}, std::vector<std::string>{"a", "b"}, std::vector<double>{1.5, 2.0});
    py::print(py::dict<std::string, int>{{"a", 1}, {"b", 2}}, py::dict<py::object, py::object>{});
    py::print(std::tuple<std::string, int>{"x", 1}, std::tuple<double, bool>{1.0, true});
    py::print("it's", "say \"hi\"", std::vector<std::string>{"it's"});
    py::print_with({.sep = ", "}, 1, 2, 3);
    py::print_with({.end = ""}, "no newline");
    py::print(" -- continued");
    py::print_with({.sep = ""}, "a", "b");
    py::print();
    auto nested = py::dict<std::string, std::vector<int>>{{"k", std::vector<int>{1, 2}}, {"m", std::vector<int>{}}};
    py::print(nested);
    py::print(py::repr("text"), py::str(3.0), py::len("hello"));
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
