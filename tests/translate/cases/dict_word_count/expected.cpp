// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

py::dict<std::string, int> count_words(std::string text);
void sync_main();

py::dict<std::string, int> count_words(std::string text)
{
    auto counts = py::dict<std::string, int>{};
    for (const auto& word : py::split(py::lower(text)))
    {
        counts[word] = counts.get(word, 0) + 1;
    }
    return counts;
}

void sync_main()
{
    auto counts = count_words("the cat and the hat and the bat");
    py::print(counts);
    for (const auto& item1 : py::sorted(counts.items()))
    {
        const auto& word = std::get<0>(item1);
        const auto& n = std::get<1>(item1);
        py::print(fmt::format("{}: {}", word, n));
    }
    auto top = py::sorted(counts.items(), [&](const auto& kv) { return std::get<1>(kv); }, true).at(0);
    py::print("most common:", top);
    py::print(py::contains(counts, "cat"), counts.get("dog", 0), py::len(counts));
    auto keys = py::list(counts.keys());
    py::print(keys);
    py::print(py::sum(counts.values()));
    auto removed = counts.pop("bat");
    py::print(removed, counts);
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
