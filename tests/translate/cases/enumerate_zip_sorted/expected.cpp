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
        for (const auto& [n, s] : py::zip(names, scores)) out.push_back(std::make_shared<Player>(n, s));
        return out;
    }();
    for (const auto& [rank, p] : py::enumerate(py::sorted(players, [&](const auto& p) { return p->score; }, true), 1))
    {
        py::print(fmt::format("{}. {:<5} {:>3}", rank, p->name, p->score));
    }
    py::print(py::sorted(names));
    py::print(py::sorted(scores, std::identity(), true));
    py::print(py::list(py::reversed(names)));
    for (const auto& [i, item1] : py::enumerate(py::zip(names, scores)))
    {
        const auto& [n, s] = item1;
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
