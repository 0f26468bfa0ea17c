import asyncio

cache = {}
hits = []


async def fetch(key):
    if key in cache:
        hits.append(key)
        return cache[key]
    await asyncio.sleep(0.001)
    value = len(key) * 10
    cache[key] = value
    return value


async def main():
    first = await asyncio.gather(fetch("alpha"), fetch("beta"))
    second = await asyncio.gather(fetch("alpha"), fetch("gamma"), fetch("beta"))
    print(first, second)
    print("hits:", hits)
    print("cached:", sorted(cache))


asyncio.run(main())
