// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

void sync_main();

void sync_main()
{
    std::string text = "  The quick brown fox jumps over the lazy dog  ";
    auto words = py::split(text);
    py::print(py::len(words), words.at(0), py::at(words, -1));
    py::print(py::upper(py::strip(text)));
    py::print(py::replace(py::lower(py::strip(text)), "the", "a"));
    py::print(py::join("-", py::slice(words, std::nullopt, 3)));
    py::print(py::count(text, "o"), py::find(text, "fox"), py::find(text, "cat"));
    py::print(py::contains(text, "fox"), !py::contains(text, "cat"));
    py::print(py::strip(text).starts_with("The"), py::strip(text).ends_with("cat"));
    std::string csv = "a,b,,c";
    py::print(py::split(csv, ","));
    py::print(py::isdigit("42"), py::isdigit("4x"), py::zfill("7", 3));
    std::string name = "ada";
    py::print(py::upper(py::at(name, 0)) + py::slice(name, 1, std::nullopt), py::at(name, -1), py::slice(name, 1, 2));
    py::print(py::repeat(std::string("ab"), 3), py::repeat(std::string("="), 10));
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
