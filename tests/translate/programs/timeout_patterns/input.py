import asyncio


class Fetcher:
    def __init__(self, delays):
        self.delays = delays
        self.calls = 0

    async def fetch(self, key):
        self.calls += 1
        await asyncio.sleep(self.delays.get(key, 0.01))
        return key.upper()

    async def fetch_or_default(self, key, limit):
        try:
            async with asyncio.timeout(limit):
                return await self.fetch(key)
        except TimeoutError:
            return "default"


async def drain(queue, limit):
    got = []
    while True:
        try:
            async with asyncio.timeout(limit):
                item = await queue.get()
        except TimeoutError:
            break
        got.append(item)
    return got


async def main():
    f = Fetcher({"slow": 0.5})
    print(await f.fetch_or_default("fast", 0.1))
    print(await f.fetch_or_default("slow", 0.05))
    print("calls:", f.calls)

    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    print("drained:", await drain(q, 0.02))

    async def cleanup_runs():
        try:
            async with asyncio.timeout(0.02):
                try:
                    await asyncio.sleep(1)
                finally:
                    print("cleanup ran")
        except TimeoutError:
            print("timeout after cleanup")

    await cleanup_runs()


asyncio.run(main())
