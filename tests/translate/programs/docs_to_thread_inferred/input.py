import asyncio


def blocking_io(n, scale):
    total = 0
    for i in range(n):
        total += i * i
    return total * scale


async def main():
    print("start")
    results = await asyncio.gather(asyncio.to_thread(blocking_io, 10, 2), asyncio.to_thread(blocking_io, 20, 1))
    print(results)
    value = await asyncio.to_thread(blocking_io, 5, 3)
    print(f"single: {value}")


asyncio.run(main())
