import asyncio


class Animal:
    def __init__(self, name, weight):
        self.name = name
        self.weight = weight

    async def feed(self, grams):
        await asyncio.sleep(0.001)
        self.weight += grams / 1000
        return self.describe()

    def describe(self):
        return f"{self.name} ({self.weight:.2f} kg)"


class Dog(Animal):
    def describe(self):
        return "dog " + super().describe()


class Puppy(Dog):
    async def feed(self, grams):
        print("small portion for", self.name)
        return await super().feed(grams // 2)

    def describe(self):
        return "young " + super().describe()


class Bird(Animal):
    def __init__(self, name, weight, can_fly=True):
        super().__init__(name, weight)
        self.can_fly = can_fly

    def describe(self):
        flying = "flying" if self.can_fly else "walking"
        return f"{flying} bird {self.name}"


async def worker(name, queue, log):
    while not queue.empty():
        animal, grams = queue.get_nowait()
        log.append(f"{name}: {await animal.feed(grams)}")
        queue.task_done()


async def main():
    animals = [Dog("rex", 12.5), Bird("tweety", 0.1), Bird("pingu", 3.0, can_fly=False), Puppy("bit", 2.0)]
    queue = asyncio.Queue()
    for a in animals:
        queue.put_nowait((a, 250))
    log = []
    await asyncio.gather(worker("keeper0", queue, log), worker("keeper1", queue, log))
    for line in sorted(log):
        print(line)
    print(f"total weight {sum(a.weight for a in animals):.2f}")


asyncio.run(main())
