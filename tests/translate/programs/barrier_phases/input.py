import asyncio


async def runner(name, barrier, delay, log):
    await asyncio.sleep(delay)
    log.append(f"{name} arrived")
    index = await barrier.wait()
    log.append(f"{name} released as {index}")
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "waiting:", barrier.n_waiting, "broken:", barrier.broken)
    log = []
    indexes = await asyncio.gather(
        runner("a", barrier, 0.03, log),
        runner("b", barrier, 0.01, log),
        runner("c", barrier, 0.02, log),
    )
    for line in log:
        print(line)
    print("indexes:", indexes)
    stack = asyncio.LifoQueue()
    for word in ["one", "two", "three"]:
        await stack.put(word)
    print("size:", stack.qsize())
    while not stack.empty():
        print(await stack.get())


asyncio.run(main())
