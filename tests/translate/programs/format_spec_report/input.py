import asyncio


async def price_of(item, base):
    await asyncio.sleep(0.001)
    return base * 1.08


async def main():
    catalog = [("widget", 3.5, 12), ("gadget", 12.25, 3), ("doohickey", 0.99, 150)]
    prices = await asyncio.gather(*[price_of(name, base) for name, base, _ in catalog])

    print(f"{'item':<10}|{'qty':>5}|{'price':>8}|{'total':>9}")
    print("-" * 35)
    grand = 0.0
    for (name, _, qty), price in zip(catalog, prices):
        line_total = price * qty
        grand += line_total
        print(f"{name:<10}|{qty:>5}|{price:>8.2f}|{line_total:>9.2f}")
    print("-" * 35)
    print(f"{'grand total':<24}{grand:>11.2f}")

    n = 42
    print(f"[{n:>5}] [{n:<5}] [{n:^5}] [{n:05d}]")
    print(f"hex={n:x} oct={n:o} bin={n:b}")
    ratio = 0.4567
    print(f"percent: {ratio:.1%}")
    print(f"big: {1234567:,}")
    name = "asyncio"
    print(f"{name!r} has {len(name)} letters; upper={name.upper()}")


asyncio.run(main())
