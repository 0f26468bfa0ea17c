// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

void sync_main();

void sync_main()
{
    auto numbers = std::vector<int>{3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    auto squares = [&] {
        std::vector<int> out;
        for (const auto& n : numbers) out.push_back(n * n);
        return out;
    }();
    auto evens = [&] {
        std::vector<int> out;
        for (const auto& n : numbers) if (py::mod(n, 2) == 0) out.push_back(n);
        return out;
    }();
    auto unique = [&] {
        std::set<int> out;
        for (const auto& n : numbers) out.insert(n);
        return out;
    }();
    auto lengths = [&] {
        py::dict<std::string, int> out;
        for (const auto& word : std::vector<std::string>{"alpha", "be", "gamma"}) out[word] = py::len(word);
        return out;
    }();
    auto big = [&] {
        py::dict<std::string, int> out;
        for (const auto& item1 : lengths.items()) { const auto& k = std::get<0>(item1); const auto& v = std::get<1>(item1); if (v > 2) out[k] = v;}
        return out;
    }();
    py::print(squares);
    py::print(evens);
    py::print(py::sorted(unique));
    py::print(lengths);
    py::print(big);
    py::print(py::sum([&] {
        std::vector<int> out;
        for (const auto& n : numbers) if (n > 4) out.push_back(n);
        return out;
    }()));
    py::print(py::any([&] {
        std::vector<bool> out;
        for (const auto& n : numbers) out.push_back(n > 8);
        return out;
    }()), py::all([&] {
        std::vector<bool> out;
        for (const auto& n : numbers) out.push_back(n > 0);
        return out;
    }()));
    auto pairs = [&] {
        std::vector<std::tuple<int, int>> out;
        for (const auto& n : py::range(3)) out.push_back(std::tuple<int, int>{n, n * 2});
        return out;
    }();
    py::print(pairs);
    auto words = std::vector<std::string>{"kiwi", "fig", "banana"};
    py::print([&] {
        std::vector<std::string> out;
        for (const auto& w : words) if (py::len(w) > 3) out.push_back(py::upper(w));
        return out;
    }());
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
