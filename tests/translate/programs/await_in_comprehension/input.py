import asyncio


async def square(x):
    await asyncio.sleep(0.001)
    return x * x


async def describe(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    squares = [await square(i) for i in range(5)]
    print(squares)
    evens = [await square(i) for i in range(10) if i % 2 == 0]
    print(evens)
    tasks = [asyncio.create_task(describe(n, d)) for n, d in [("a", 0.003), ("b", 0.001)]]
    print([await t for t in tasks])
    labels = [f"#{await square(n)}" for n in (3, 4)]
    print(labels, len(labels))


asyncio.run(main())
