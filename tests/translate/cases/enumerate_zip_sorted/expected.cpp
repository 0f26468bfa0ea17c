// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct Player;

void sync_main();

struct Player
{
    std::string name{};
    int score{};

    Player(std::string name, int score) : name(name), score(score)
    {
    }

    std::string repr() const { return fmt::format("Player(name={}, score={})", py::repr(name), py::repr(score)); }
};

void sync_main()
{
    auto names = std::vector<std::string>{"cleo", "ada", "bob"};
    auto scores = std::vector<int>{72, 95, 88};
    auto players = [&] {
        std::vector<std::shared_ptr<Player>> out;
        for (const auto& item1 : py::zip(names, scores)) { const auto& n = std::get<0>(item1); const auto& s = std::get<1>(item1); out.push_back(std::make_shared<Player>(n, s));}
        return out;
    }();
    for (const auto& item2 : py::enumerate(py::sorted(players, [&](const auto& p) { return p->score; }, true), 1))
    {
        const auto& rank = std::get<0>(item2);
        const auto& p = std::get<1>(item2);
        py::print(fmt::format("{}. {:<5} {:>3}", rank, p->name, p->score));
    }
    py::print(py::sorted(names));
    py::print(py::sorted(scores, std::identity(), true));
    py::print(py::list(py::reversed(names)));
    for (const auto& item3 : py::enumerate(py::zip(names, scores)))
    {
        const auto& i = std::get<0>(item3);
        const auto& item4 = std::get<1>(item3);
        const auto& n = std::get<0>(item4);
        const auto& s = std::get<1>(item4);
        py::print(i, n, s);
    }
    auto by_name = [&] {
        py::dict<std::string, int> out;
        for (const auto& p : players) out[p->name] = p->score;
        return out;
    }();
    py::print(by_name);
    py::print(players.at(0));
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
