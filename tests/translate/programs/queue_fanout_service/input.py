import asyncio


class Fanout:
    def __init__(self, n):
        self.queues = [asyncio.Queue() for _ in range(n)]
        self.by_name = {}

    def add(self, name):
        q = asyncio.Queue()
        self.by_name[name] = q

    async def publish(self, item):
        for q in self.queues:
            await q.put(item)
        for name, q in self.by_name.items():
            q.put_nowait(f"{name}:{item}")

    async def drain(self):
        got = []
        for q in self.queues:
            while not q.empty():
                got.append(await q.get())
        named = []
        for q in self.by_name.values():
            while not q.empty():
                named.append(q.get_nowait())
        return got, named


async def main():
    f = Fanout(2)
    f.add("x")
    f.add("y")
    for i in range(3):
        await f.publish(i)
    got, named = await f.drain()
    print(got)
    print(sorted(named))


asyncio.run(main())
