import asyncio


async def score(name, points):
    await asyncio.sleep(0.001)
    return name, points


async def main():
    entries = await asyncio.gather(
        score("bob", 12), score("Bob", 7), score("alice", 12), score("_bot", 3), score("Zed", 9)
    )
    print(sorted(entries))
    print(sorted(name for name, _ in entries))
    print(max(entries), min(entries))
    print(max(entries, key=lambda e: e[1]), min(entries, key=lambda e: (e[1], e[0])))
    ranked = sorted(entries, key=lambda e: (-e[1], e[0]))
    for place, (name, points) in enumerate(ranked, 1):
        print(place, name, points)
    pairs = [("b", 2), ("B", 1)]
    pairs.sort()
    print(pairs)


asyncio.run(main())
