"""Nested functions: helpers, closures over locals and `nonlocal`, and nested
coroutines passed to gather and create_task."""
import asyncio
from typing import AsyncIterator


def report(title: str, values: list[int]) -> list[str]:
    def line(label: str, value: int) -> str:
        return f"{title}/{label}: {value}"

    out: list[str] = []
    for i, v in enumerate(values):
        out.append(line(str(i), v))
    return out


def factorial(n: int) -> int:
    def go(k: int) -> int:
        if k <= 1:
            return 1
        return k * go(k - 1)

    return go(n)


async def main() -> None:
    results: list[str] = []
    delay = 0.1

    async def worker(name: str, n: int) -> int:
        await asyncio.sleep(delay * n)
        results.append(name)
        return n * n

    squares = await asyncio.gather(worker("a", 3), worker("b", 1), worker("c", 2))
    print(squares, results)

    counter = 0

    def bump(by: int) -> None:
        nonlocal counter
        counter += by

    bump(2)
    bump(5)
    print("counter", counter)

    async def tick(times: int) -> None:
        nonlocal counter
        for _ in range(times):
            await asyncio.sleep(0)
            counter += 1

    task = asyncio.create_task(tick(3))
    late = asyncio.create_task(worker("late", 1))
    await task
    print("after ticks", counter, "late", await late)

    async def evens(limit: int) -> AsyncIterator[int]:
        for i in range(limit):
            if i % 2 == 0:
                await asyncio.sleep(0)
                yield i * counter

    async for e in evens(5):
        print("even", e)

    def blocking_total(limit: int) -> int:
        total = 0
        for i in range(limit):
            total += i
        return total

    print("thread", await asyncio.to_thread(blocking_total, 100))
    for line in report("r", [4, 5]):
        print(line)
    print("5! =", factorial(5))


asyncio.run(main())
