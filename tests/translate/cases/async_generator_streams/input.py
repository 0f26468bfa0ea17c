"""Async generators beyond a pipeline: early exits, a queue, finally, a method."""
import asyncio
from typing import AsyncIterator


async def countdown(start: int, step: int = 1) -> AsyncIterator[int]:
    n = start
    while n > 0:
        yield n
        n -= step
    print("countdown finished")


async def evens(limit: int) -> AsyncIterator[int]:
    for i in range(0, limit, 2):
        await asyncio.sleep(0)
        yield i


async def lines(queue: asyncio.Queue[str]) -> AsyncIterator[str]:
    """Yields the queue's lines, upper-cased, until an empty one."""
    while True:
        line = await queue.get()
        if line == "":
            return
        yield line.upper()


async def producer(queue: asyncio.Queue[str], words: list[str]) -> None:
    for w in words:
        await asyncio.sleep(0.001)
        await queue.put(w)
    await queue.put("")


async def guarded(limit: int) -> AsyncIterator[int]:
    try:
        for i in range(limit):
            await asyncio.sleep(0)
            yield i * 10
    finally:
        print("guarded cleanup")


class Sensor:
    def __init__(self, name: str, readings: list[float]) -> None:
        self.name = name
        self.readings = readings

    async def stream(self, scale: float) -> AsyncIterator[tuple[str, float]]:
        for r in self.readings:
            await asyncio.sleep(0.001)
            yield (self.name, r * scale)


async def first_over(limit: int, source: AsyncIterator[int]) -> int:
    async for n in source:
        if n > limit:
            return n
    return -1


async def main() -> None:
    # break leaves the generator suspended; it never finishes.
    async for n in countdown(10, 3):
        if n < 5:
            break
        print("count", n)
    async for n in countdown(3):
        print("to the end", n)

    queue: asyncio.Queue[str] = asyncio.Queue()
    task = asyncio.create_task(producer(queue, ["alpha", "beta", "gamma"]))
    async for line in lines(queue):
        print("line", line)
    await task

    total = 0
    async for v in guarded(4):
        if v == 20:
            continue
        total += v
    print("total", total)

    # The generator keeps its object alive after the call returns.
    async for name, value in Sensor("humidity", [0.5, 0.25]).stream(100.0):
        print(name, value)
    sensor = Sensor("temp", [20.5, 21.0, 19.75])
    async for name, value in sensor.stream(2.0):
        print(f"{name}: {value:.2f}")

    print("first over 5:", await first_over(5, evens(20)))
    print("first over 50:", await first_over(50, evens(20)))


asyncio.run(main())
