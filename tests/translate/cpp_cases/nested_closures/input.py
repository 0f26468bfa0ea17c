"""Nested functions the shared case does not cover: nested coroutines using
each other and `self`, several levels deep, passed as values and returned."""
import asyncio
from typing import Awaitable, Callable


def make_scaler(factor: int) -> Callable[[int], int]:
    def scale(x: int) -> int:
        return x * factor

    return scale


def make_fetcher(prefix: str) -> Callable[[int], Awaitable[str]]:
    async def fetch(i: int) -> str:
        await asyncio.sleep(0)
        return f"{prefix}{i}"

    return fetch


async def apply_all(f: Callable[[int], Awaitable[str]], items: list[int]) -> list[str]:
    return await asyncio.gather(*[f(i) for i in items])


class Pool:
    def __init__(self, name: str) -> None:
        self.name = name
        self.done: list[str] = []

    async def run(self, jobs: list[int]) -> int:
        total = 0

        async def one(job: int) -> int:
            nonlocal total
            await asyncio.sleep(0.001 * job)
            self.done.append(f"{self.name}:{job}")
            total += job
            return job

        async def twice(job: int) -> int:
            first = await one(job)
            return first + await one(job + 10)

        results = await asyncio.gather(*[twice(j) for j in jobs])
        print("results", results, "total", total)
        return total


async def main() -> None:
    triple = make_scaler(3)
    double = make_scaler(2)
    print("scaled", triple(7), double(5))
    fetch = make_fetcher("item-")
    print(await fetch(1))
    print(await apply_all(make_fetcher("x"), [1, 2, 3]))

    seen: list[int] = []

    async def outer(n: int) -> int:
        async def inner(k: int) -> int:
            await asyncio.sleep(0)
            seen.append(k)
            return k * 2

        return await inner(n) + await inner(n + 1)

    print("outer", await outer(4), seen)
    print(await apply_all(make_fetcher("y"), []))

    pool = Pool("p")
    print("pool total", await pool.run([3, 1, 2]))
    print(sorted(pool.done))


asyncio.run(main())
