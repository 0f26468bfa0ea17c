import asyncio


class Sampler:
    def __init__(self, scale):
        self.scale = scale
        self.ticks = []

    def compute(self, n):
        return sum(i * self.scale for i in range(n))

    def tick(self, label, n):
        self.ticks.append(f"{label}{n}")

    async def run(self):
        loop = asyncio.get_running_loop()
        first = await asyncio.to_thread(self.compute, 10)
        second = await loop.run_in_executor(None, self.compute, 4)
        loop.call_soon(self.tick, "t", 1)
        loop.call_soon(self.tick, "t", 2)
        await asyncio.sleep(0.01)
        return first, second


async def main():
    s = Sampler(3)
    first, second = await s.run()
    print(first, second, s.ticks)


asyncio.run(main())
