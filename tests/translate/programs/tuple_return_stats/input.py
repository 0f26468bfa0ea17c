import asyncio


async def summarize(values):
    await asyncio.sleep(0.001)
    total = 0
    count = 0
    for v in values:
        total += v
        count += 1
    return total, count


async def min_max(values):
    await asyncio.sleep(0.001)
    return min(values), max(values)


async def split_name(full):
    await asyncio.sleep(0)
    first, last = full.split(" ")
    return first, last


async def main():
    data = [4, 8, 15, 16, 23, 42]
    total, count = await summarize(data)
    print(f"total={total} count={count} mean={total / count:.2f}")

    lo, hi = await min_max(data)
    print("range:", lo, "to", hi, "spread", hi - lo)

    pairs = await asyncio.gather(summarize([1, 2, 3]), summarize([10, 20]), summarize([7]))
    for index, (t, c) in enumerate(pairs):
        print(f"group {index}: {t} over {c}")

    first, last = await split_name("Ada Lovelace")
    print(last + ",", first)

    a, b = 1, 2
    a, b = b, a
    print("swapped:", a, b)

    result = await summarize([])
    print("empty result:", result)


asyncio.run(main())
