import asyncio


async def measure(samples):
    total = 0
    count = 0
    for s in samples:
        await asyncio.sleep(0)
        total += s
        count += 1
    mean = total / count if count else 0
    return round(mean, 2)


async def main():
    means = await asyncio.gather(measure([1.5, 2.5, 3.0]), measure([4, 5]), measure([0.25]))
    print(means)
    scale = 1
    for m in means:
        scale *= 1.5
    print("scale:", scale)


asyncio.run(main())
