import asyncio


class Pipeline:
    def __init__(self, name):
        self.name = name
        self.done = []
        self.total = 0

    def on_done(self, task):
        self.done.append(task.result())

    def compute(self, n):
        return sum(i * i for i in range(n))

    async def stage(self, n):
        await asyncio.sleep(0.001 * n)
        return n * 2

    def handle_a(self, x):
        self.total += x
        return f"a:{x}"

    def handle_b(self, x):
        self.total -= x
        return f"b:{x}"

    async def run(self):
        tasks = []
        for n in [3, 1, 2]:
            t = asyncio.create_task(self.stage(n))
            tasks.append(t)
        await asyncio.gather(*tasks)
        for t in tasks:
            self.on_done(t)
        squares = await asyncio.to_thread(self.compute, 10)
        handlers = {"a": self.handle_a, "b": self.handle_b}
        out = []
        for kind, x in [("a", 5), ("b", 2), ("a", 1)]:
            out.append(handlers[kind](x))
        return squares, out


def apply_all(fn, values):
    return [fn(v) for v in values]


async def main():
    p = Pipeline("p1")
    squares, out = await p.run()
    print(p.name, sorted(p.done), squares)
    print(out, p.total)
    doubler = Pipeline("d")
    print(apply_all(doubler.compute, [1, 2, 3, 4]))
    loop = asyncio.get_running_loop()
    value = await loop.run_in_executor(None, p.compute, 5)
    print("executor:", value)


asyncio.run(main())
