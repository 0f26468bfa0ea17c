"""Bounded concurrency: at most LIMIT downloads run at once."""
import asyncio

LIMIT = 2


class Tracker:
    def __init__(self) -> None:
        self.running = 0
        self.peak = 0

    def enter(self) -> None:
        self.running += 1
        self.peak = max(self.peak, self.running)

    def leave(self) -> None:
        self.running -= 1


async def download(n: int, sem: asyncio.Semaphore, tracker: Tracker) -> str:
    async with sem:
        tracker.enter()
        await asyncio.sleep(0.02 * (n % 3 + 1))
        tracker.leave()
    return f"file-{n}"


async def main() -> None:
    sem = asyncio.Semaphore(LIMIT)
    tracker = Tracker()
    results = await asyncio.gather(*[download(n, sem, tracker) for n in range(6)])
    print(results)
    print("peak concurrency:", tracker.peak)
    print("within limit:", tracker.peak <= LIMIT)


asyncio.run(main())
