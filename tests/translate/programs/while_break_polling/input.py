import asyncio


class Job:
    def __init__(self, steps):
        self.steps = steps
        self.progress = 0

    async def run(self):
        while self.progress < self.steps:
            await asyncio.sleep(0.002)
            self.progress += 1


async def main():
    job = Job(5)
    task = asyncio.create_task(job.run())
    polls = 0
    while True:
        await asyncio.sleep(0.001)
        polls += 1
        if task.done():
            break
    print("job finished with progress", job.progress)
    print("polled at least 5 times:", polls >= 5)

    n = 27
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
        if steps > 200:
            break
    print("collatz steps for 27:", steps)

    attempts = 0
    value = 1
    while attempts < 10:
        attempts += 1
        await asyncio.sleep(0)
        value *= 3
        if value > 500:
            print("exceeded 500 after", attempts, "attempts, value", value)
            break
    else:
        print("never exceeded")

    i = 0
    while i < 3:
        i += 1
    else:
        print("loop ended normally at", i)


asyncio.run(main())
