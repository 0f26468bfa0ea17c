"""An async generator pipeline: source -> transform -> sink."""
import asyncio
from typing import AsyncIterator


async def numbers(limit: int) -> AsyncIterator[int]:
    for i in range(limit):
        await asyncio.sleep(0.001)
        yield i


async def squares(source: AsyncIterator[int]) -> AsyncIterator[int]:
    async for n in source:
        if n % 2 == 1:
            continue
        yield n * n


async def main() -> None:
    collected: list[int] = []
    async for value in squares(numbers(10)):
        collected.append(value)
        print("got", value)
    print("sum:", sum(collected))


asyncio.run(main())
