// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct Item;
struct Inventory;

void sync_main();

struct Item
{
    std::string name{};
    double price{};
    int quantity = 1;

    Item(std::string name, double price, int quantity = 1) : name(name), price(price), quantity(quantity)
    {
    }

    double total()
    {
        return this->price * this->quantity;
    }

    std::string repr() const { return fmt::format("Item(name={}, price={}, quantity={})", py::repr(name), py::repr(price), py::repr(quantity)); }
};

struct Inventory
{
    std::string owner{};
    std::vector<std::shared_ptr<Item>> items = std::vector<std::shared_ptr<Item>>{};

    Inventory(std::string owner, std::vector<std::shared_ptr<Item>> items = std::vector<std::shared_ptr<Item>>{}) : owner(owner), items(items)
    {
    }

    void add(std::shared_ptr<Item> item)
    {
        this->items.push_back(item);
    }

    double value()
    {
        return py::sum([&] {
            std::vector<double> out;
            for (const auto& i : this->items) out.push_back(i->total());
            return out;
        }());
    }

    std::string repr() const { return fmt::format("Inventory(owner={}, items={})", py::repr(owner), py::repr(items)); }
};

void sync_main()
{
    auto inv = std::make_shared<Inventory>("shop");
    inv->add(std::make_shared<Item>("apple", 0.5, 10));
    inv->add(std::make_shared<Item>("pear", 0.75));
    inv->add(std::make_shared<Item>("melon", 3.0, 2));
    for (const auto& item : inv->items)
    {
        py::print(item);
    }
    py::print(fmt::format("total value: {:.2f}", inv->value()));
    auto cheapest = py::min(inv->items, [&](const auto& i) { return i->price; });
    py::print("cheapest:", cheapest->name);
    py::print(inv->items.at(0)->quantity, py::at(inv->items, -1)->name);
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
