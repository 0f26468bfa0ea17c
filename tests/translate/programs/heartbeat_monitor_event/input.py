import asyncio


class Monitor:
    def __init__(self, names, interval):
        self.names = names
        self.interval = interval
        self.beats = {name: 0 for name in names}
        self.stopped = asyncio.Event()

    async def beat(self, name, count):
        for _ in range(count):
            await asyncio.sleep(self.interval)
            self.beats[name] += 1

    async def watch(self):
        checks = 0
        while not self.stopped.is_set():
            await asyncio.sleep(self.interval * 2)
            checks += 1
        return checks

    async def run(self):
        watcher = asyncio.create_task(self.watch())
        await asyncio.gather(*(self.beat(n, i + 2) for i, n in enumerate(self.names)))
        self.stopped.set()
        checks = await watcher
        return checks > 0


async def main():
    m = Monitor(["db", "cache", "api"], 0.001)
    ok = await m.run()
    print(ok, m.beats)
    dead = [n for n, b in m.beats.items() if b < 3]
    print("dead:", dead)


asyncio.run(main())
