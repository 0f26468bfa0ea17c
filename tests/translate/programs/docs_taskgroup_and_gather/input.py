import asyncio

async def count(name, n):
    total = 0
    for i in range(n):
        await asyncio.sleep(0.001 * (i + 1))
        total += i
    print(f"{name} done: {total}")
    return total

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(count("a", 3))
        t2 = tg.create_task(count("b", 2))
    print(f"Both tasks have completed now: {t1.result()}, {t2.result()}")
    results = await asyncio.gather(*[count(f"w{i}", i + 1) for i in range(3)])
    print(results)

asyncio.run(main())
