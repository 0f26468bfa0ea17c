import asyncio


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = asyncio.Lock()
        self.history = []

    async def increment(self, who):
        async with self.lock:
            current = self.value
            await asyncio.sleep(0)
            self.value = current + 1
            self.history.append(who)


async def bump(counter, who, times):
    for _ in range(times):
        await counter.increment(who)


async def main():
    counter = Counter()
    await asyncio.gather(bump(counter, "a", 5), bump(counter, "b", 5), bump(counter, "c", 5))
    print("locked counter:", counter.value)
    print("history length:", len(counter.history))
    counts = {}
    for who in counter.history:
        counts[who] = counts.get(who, 0) + 1
    print("per task:", counts)

    await bump(counter, "d", 3)
    print("after more bumps:", counter.value, counter.history[-1])

    lock = asyncio.Lock()
    print("locked before:", lock.locked())
    await lock.acquire()
    try:
        print("locked inside:", lock.locked())
    finally:
        lock.release()
    print("locked after:", lock.locked())


asyncio.run(main())
