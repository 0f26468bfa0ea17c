"""Async generators as handles: a second loop goes on where a break left off;
exceptions reach the consumer; generator methods of a derived class."""
import asyncio
from typing import AsyncIterator


async def count(limit: int) -> AsyncIterator[int]:
    for i in range(limit):
        await asyncio.sleep(0)
        yield i
    print("count done")


async def checked(values: list[int]) -> AsyncIterator[int]:
    for v in values:
        try:
            if v < 0:
                raise ValueError(f"negative: {v}")
            yield v
        except ValueError as e:
            yield -1
            print("recovered from", e)
    raise RuntimeError("no more values")


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def sides(self) -> int:
        return 0

    async def corners(self) -> AsyncIterator[str]:
        for i in range(self.sides()):
            await asyncio.sleep(0)
            yield f"{self.name}-{i}"


class Triangle(Shape):
    def __init__(self, name: str) -> None:
        super().__init__(name)

    def sides(self) -> int:
        return 3

    async def edges(self, prefix: str) -> AsyncIterator[str]:
        async for c in self.corners():
            yield prefix + c


async def main() -> None:
    numbers = count(6)
    async for n in numbers:
        print("first", n)
        if n == 2:
            break
    async for n in numbers:
        print("second", n)
    async for n in numbers:
        print("never", n)

    try:
        async for v in checked([3, -4, 5]):
            print("value", v)
    except RuntimeError as e:
        print("caught", e)

    async for c in Triangle("t").corners():
        print(c)
    async for e in Triangle("u").edges("edge "):
        print(e)
    async for c in Shape("none").corners():
        print("unexpected", c)


asyncio.run(main())
