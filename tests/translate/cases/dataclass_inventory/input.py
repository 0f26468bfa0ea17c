from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 1

    def total(self) -> float:
        return self.price * self.quantity


@dataclass
class Inventory:
    owner: str
    items: list[Item] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)

    def value(self) -> float:
        return sum(i.total() for i in self.items)


def main() -> None:
    inv = Inventory("shop")
    inv.add(Item("apple", 0.5, 10))
    inv.add(Item("pear", 0.75))
    inv.add(Item(name="melon", price=3.0, quantity=2))
    for item in inv.items:
        print(item)
    print(f"total value: {inv.value():.2f}")
    cheapest = min(inv.items, key=lambda i: i.price)
    print("cheapest:", cheapest.name)
    print(inv.items[0].quantity, inv.items[-1].name)


if __name__ == "__main__":
    main()
