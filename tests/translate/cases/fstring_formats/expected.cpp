// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

void sync_main();

void sync_main()
{
    std::string name = "Ada";
    auto score = 93.456;
    auto count = 1234567;
    auto ratio = 0.875;
    py::print(fmt::format("{:>8}|{:<8}|{:^8}|", name, name, name));
    py::print(fmt::format("{:.2f} {:.0f} {:8.3f} {:+.1f}", score, score, score, score));
    py::print(fmt::format("{} {} {:08d}", py::format(count, ","), py::format(count, ">12,"), count));
    py::print(fmt::format("{} {}", py::format(ratio, ".1%"), py::format(ratio, "%")));
    py::print(fmt::format("{:x} {:X} {:b} {:o}", 255, 255, 5, 8));
    py::print(fmt::format("{:e} {:.2e}", 3.14159, 0.000123));
    py::print(fmt::format("{} {} {} {} {}", py::repr(name), py::str(std::vector<int>{1, 2}), py::str(py::None{}), py::str(true), py::str(2.0)));
    py::print(fmt::format("{{literal braces}} {}", name));
    py::print(fmt::format("{:>10}|{:5d}|{:<4}|", "padded", -3, 7));
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
