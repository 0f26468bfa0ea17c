import asyncio


class OutOfStock(Exception):
    pass


class Inventory:
    def __init__(self):
        self.stock = {}
        self.lock = asyncio.Lock()

    async def add(self, item, count):
        async with self.lock:
            self.stock[item] = self.stock.get(item, 0) + count

    async def take(self, item, count):
        async with self.lock:
            have = self.stock.get(item, 0)
            if have < count:
                raise OutOfStock(f"{item}: have {have}, want {count}")
            await asyncio.sleep(0)
            self.stock[item] = have - count
            return count


async def customer(inv, name, item, count):
    try:
        got = await inv.take(item, count)
        return f"{name} took {got} {item}"
    except OutOfStock as e:
        return f"{name} failed: {e}"


async def main():
    inv = Inventory()
    await inv.add("apple", 5)
    await inv.add("pear", 2)
    results = await asyncio.gather(
        customer(inv, "ann", "apple", 3),
        customer(inv, "bob", "apple", 3),
        customer(inv, "cid", "pear", 2),
    )
    for r in results:
        print(r)
    print(sorted(inv.stock.items()))


if __name__ == "__main__":
    asyncio.run(main())
