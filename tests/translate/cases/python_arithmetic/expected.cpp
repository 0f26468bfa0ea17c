// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

void sync_main();

void sync_main()
{
    py::print(py::floordiv(7, 2), py::floordiv(-7, 2), py::floordiv(7, -2));
    py::print(py::mod(7, 3), py::mod(-7, 3), py::mod(7, -3));
    py::print(py::floordiv(7.5, 2), py::mod(-7.5, 2));
    py::print(py::pow(2, 10), py::pow(2.0, 0.5), py::pow(10, 0));
    py::print(py::truediv(7, 2), py::truediv(6, 3), py::truediv(1, 3));
    py::print(py::round(2.5), py::round(3.5), py::round(-2.5), py::round(2.675, 2));
    py::print(py::abs(-4), py::abs(-2.5), py::min(3, 8), py::max(2.5, 1.0));
    auto x = 10;
    x = py::floordiv(x, 3);
    py::print(x);
    x = py::pow(x, 3);
    py::print(x);
    x = py::mod(x, 7);
    py::print(x);
    auto total = 0;
    for (int i = 1; i < 11; ++i)
    {
        total += i;
    }
    py::print(total, py::truediv(total, 4), static_cast<int>(py::truediv(total, 4)), static_cast<double>(total));
    py::print(py::to_int("42") + 1, py::to_float("2.5") * 2, py::str(12) + "!");
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
