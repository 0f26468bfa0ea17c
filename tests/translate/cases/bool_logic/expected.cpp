// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

std::string grade(int score);
std::string describe(std::optional<std::string> name);
void sync_main();

std::string grade(int score)
{
    if (90 <= score && score <= 100)
    {
        return "A";
    }
    else if (80 <= score && score < 90)
    {
        return "B";
    }
    else if (score >= 0 && score < 80)
    {
        return "C";
    }
    return "invalid";
}

std::string describe(std::optional<std::string> name)
{
    std::string label = name && !name->empty() ? *name : std::string("anonymous");
    if (name == std::nullopt)
    {
        return fmt::format("no name, using {}", label);
    }
    return fmt::format("name is {}", label);
}

void sync_main()
{
    for (const auto& s : std::vector<int>{95, 85, 42, 120, -1})
    {
        py::print(s, grade(s));
    }
    py::print(py::in_order{describe(std::nullopt), "|", describe("ada")});
    auto items = std::vector<int>{};
    py::print(!!items.empty() ? std::string("empty") : std::string("full"));
    items.push_back(3);
    py::print(!!items.empty() ? std::string("empty") : std::string("full"));
    auto x = 5;
    py::print(x > 3 && x < 10, x < 3 || x == 5, !(x == 5));
    py::print(1 < x && x < 10, 10 < x && x < 20);
    auto flag = py::mod(x, 2) == 1;
    py::print(flag, !flag);
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
