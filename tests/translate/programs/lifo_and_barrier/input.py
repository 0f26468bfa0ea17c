import asyncio


async def worker(name, barrier, log):
    log.append(f"{name} waiting")
    await barrier.wait()
    log.append(f"{name} passed")


async def main():
    stack = asyncio.LifoQueue()
    for i in range(4):
        stack.put_nowait(i)
    out = []
    while not stack.empty():
        out.append(await stack.get())
    print(out)

    barrier = asyncio.Barrier(3)
    log = []
    await asyncio.gather(*(worker(f"w{i}", barrier, log) for i in range(3)))
    print(sorted(log))


asyncio.run(main())
