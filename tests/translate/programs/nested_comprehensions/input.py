import asyncio


async def load_grid(rows, cols):
    await asyncio.sleep(0.01)
    return [[r * cols + c for c in range(cols)] for r in range(rows)]


async def lookup(table, key):
    await asyncio.sleep(0)
    return table.get(key)


async def main():
    grid = await load_grid(3, 4)
    flat = [x for row in grid for x in row]
    print("flat:", flat)
    evens = [x for row in grid if len(row) > 2 for x in row if x % 2 == 0]
    print("evens:", evens)
    pairs = [(a, b) for a in range(3) for b in range(a)]
    print("pairs:", pairs)
    words = ["apple", "avocado", "banana", "blueberry", "cherry"]
    by_letter = {w[0]: w for w in words}
    print("last by letter:", by_letter)
    table = {"a": 1, "b": 2, "c": 3}
    found = await asyncio.gather(*[lookup(table, k) for k in ["a", "x", "c", "y"]])
    present = [v for v in found if v is not None]
    print("present:", present, "sum:", sum(present))
    doubled = {k: v * 2 for k, v in table.items() if v > 1}
    print("doubled:", doubled)
    letters = {ch for w in words for ch in w if ch in "aeiou"}
    print("vowels:", sorted(letters))
    total = sum(x * y for row in grid for x in row for y in (1, 2))
    print("total:", total)


asyncio.run(main())
