import asyncio

class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    async def add(self, name, qty):
        await asyncio.sleep(0.001)
        self.items[name] = self.items.get(name, 0) + qty
        self.log.append(f"add {name} {qty}")

    async def remove(self, name, qty):
        await asyncio.sleep(0.001)
        if self.items.get(name, 0) < qty:
            raise ValueError(f"not enough {name}")
        self.items[name] -= qty
        self.log.append(f"remove {name} {qty}")

async def main():
    inv = Inventory()
    await inv.add("apple", 5)
    await inv.add("pear", 2)
    await inv.remove("apple", 3)
    try:
        await inv.remove("pear", 5)
    except ValueError as e:
        print("error:", e)
    print(inv.items)
    print(len(inv.log), inv.log[-1])

asyncio.run(main())
