import asyncio


async def measure(name, n):
    await asyncio.sleep(0.001 * n)
    return name, n * 1.5, n


async def main():
    rows = await asyncio.gather(measure("alpha", 3), measure("beta", 1), measure("gamma", 2))
    for name, value, count in rows:
        print("%-8s %6.2f %3d" % (name, value, count))
    print("%s has %d items (%.1f%%)" % ("report", len(rows), 100.0 * len(rows) / 4))
    total = sum(v for _, v, _ in rows)
    print("total=%r" % total)


asyncio.run(main())
