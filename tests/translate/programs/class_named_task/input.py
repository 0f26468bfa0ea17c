import asyncio


class Task:
    def __init__(self, name, cost):
        self.name = name
        self.cost = cost

    def __repr__(self):
        return f"Task({self.name!r}, {self.cost})"


class Counter:
    def __init__(self):
        self.counter = 0

    def bump(self):
        self.counter += 1
        return self.counter


async def run(task, counter):
    await asyncio.sleep(task.cost / 100)
    counter.bump()
    return task.name


async def main():
    tasks = [Task("a", 2), Task("b", 1)]
    counter = Counter()
    names = await asyncio.gather(*(run(t, counter) for t in tasks))
    print(names, counter.counter, tasks)


asyncio.run(main())
