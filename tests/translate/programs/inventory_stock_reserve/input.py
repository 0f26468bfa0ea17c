import asyncio


class OutOfStock(Exception):
    def __init__(self, item: str, wanted: int, available: int) -> None:
        super().__init__(f"{item}: wanted {wanted}, only {available} left")
        self.item = item


class Inventory:
    def __init__(self) -> None:
        self.stock: dict[str, int] = {}
        self.lock = asyncio.Lock()
        self.log: list[str] = []

    def add(self, item: str, count: int) -> None:
        self.stock[item] = self.stock.get(item, 0) + count

    async def reserve(self, item: str, count: int) -> int:
        async with self.lock:
            available = self.stock.get(item, 0)
            await asyncio.sleep(0.001)
            if count > available:
                raise OutOfStock(item, count, available)
            self.stock[item] = available - count
            self.log.append(f"{item}-{count}")
            return self.stock[item]


async def main() -> None:
    inv = Inventory()
    inv.add("apple", 10)
    inv.add("pear", 4)
    inv.add("apple", 5)
    print("initial:", inv.stock)

    requests: list[tuple[str, int]] = [("apple", 6), ("pear", 3), ("apple", 7), ("pear", 2), ("plum", 1)]
    results = await asyncio.gather(*[inv.reserve(i, c) for i, c in requests], return_exceptions=True)
    for (item, count), res in zip(requests, results):
        if isinstance(res, OutOfStock):
            print(f"failed {item} x{count}: {res}")
        else:
            print(f"reserved {item} x{count}, remaining {res}")

    print("final:", inv.stock)
    print("log:", inv.log)
    empty: list[str] = [k for k, v in inv.stock.items() if v == 0]
    print("sold out:", empty)
    total_units: int = sum(inv.stock.values())
    print("units left:", total_units)


asyncio.run(main())
