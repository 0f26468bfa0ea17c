import asyncio


class OutOfStock(Exception):
    pass


class Inventory:
    def __init__(self):
        self.items = {}
        self.reserved = {}

    def add(self, sku, count):
        self.items[sku] = self.items.get(sku, 0) + count

    async def reserve(self, order_id, sku, count):
        await asyncio.sleep(0.001)
        have = self.items.get(sku, 0)
        if have < count:
            raise OutOfStock(f"{sku}: want {count}, have {have}")
        self.items[sku] = have - count
        self.reserved.setdefault(order_id, []).append((sku, count))

    def report(self):
        lines = []
        for sku in sorted(self.items):
            lines.append(f"{sku}={self.items[sku]}")
        return ", ".join(lines)


async def place(inv, order_id, lines):
    try:
        for sku, count in lines:
            await inv.reserve(order_id, sku, count)
        return f"{order_id}: ok"
    except OutOfStock as e:
        return f"{order_id}: failed ({e})"


async def main():
    inv = Inventory()
    inv.add("apple", 5)
    inv.add("pear", 2)
    inv.add("apple", 1)
    orders = {
        "o1": [("apple", 2), ("pear", 1)],
        "o2": [("pear", 5)],
        "o3": [("apple", 3)],
    }
    results = await asyncio.gather(*(place(inv, oid, lines) for oid, lines in orders.items()))
    for r in results:
        print(r)
    print(inv.report())
    print(sorted(inv.reserved))


asyncio.run(main())
