import asyncio


async def quote(vendor: str, item: str, delay: float) -> tuple[str, float]:
    await asyncio.sleep(delay)
    price = (len(vendor) * 3 + len(item) * 2) / 4
    return vendor, price


async def main() -> None:
    vendors: list[str] = ["acme", "globex", "initech", "umbrella"]
    delays: list[float] = [0.04, 0.01, 0.03, 0.02]
    finished: list[str] = []

    async def tracked(vendor: str, delay: float) -> tuple[str, float]:
        result = await quote(vendor, "stapler", delay)
        finished.append(vendor)
        return result

    quotes = await asyncio.gather(*[tracked(v, d) for v, d in zip(vendors, delays)])
    print("finish order:", finished)
    print("result order:", [v for v, _ in quotes])
    for vendor, price in quotes:
        print(f"  {vendor:<9} ${price:6.2f}")

    cheapest_vendor, cheapest_price = min(quotes, key=lambda q: q[1])
    print(f"cheapest: {cheapest_vendor} at ${cheapest_price:.2f}")
    average = sum(p for _, p in quotes) / len(quotes)
    print(f"average: ${average:.2f}")
    above: list[str] = [v for v, p in quotes if p > average]
    print("above average:", above)


if __name__ == "__main__":
    asyncio.run(main())
