import asyncio
from typing import Optional


async def source(out_q: asyncio.Queue[Optional[int]], values: list[int]) -> None:
    for v in values:
        await out_q.put(v)
    await out_q.put(None)


async def square_stage(in_q: asyncio.Queue[Optional[int]], out_q: asyncio.Queue[Optional[int]]) -> int:
    handled = 0
    while True:
        item = await in_q.get()
        if item is None:
            await out_q.put(None)
            return handled
        await asyncio.sleep(0.001)
        await out_q.put(item * item)
        handled += 1


async def filter_stage(in_q: asyncio.Queue[Optional[int]], out_q: asyncio.Queue[Optional[int]], limit: int) -> int:
    dropped = 0
    while True:
        item = await in_q.get()
        if item is None:
            await out_q.put(None)
            return dropped
        if item > limit:
            dropped += 1
            continue
        await out_q.put(item)


async def sink(in_q: asyncio.Queue[Optional[int]]) -> list[int]:
    collected: list[int] = []
    while True:
        item = await in_q.get()
        if item is None:
            return collected
        collected.append(item)


async def main() -> None:
    q1: asyncio.Queue[Optional[int]] = asyncio.Queue(maxsize=2)
    q2: asyncio.Queue[Optional[int]] = asyncio.Queue(maxsize=2)
    q3: asyncio.Queue[Optional[int]] = asyncio.Queue()
    values = [3, 1, 4, 1, 5, 9, 2, 6]
    _, squared, dropped, collected = await asyncio.gather(
        source(q1, values), square_stage(q1, q2), filter_stage(q2, q3, 30), sink(q3)
    )
    print("input:", values)
    print("squared count:", squared)
    print("dropped:", dropped)
    print("output:", collected)
    print("sum of output:", sum(collected))


if __name__ == "__main__":
    asyncio.run(main())
