"""Producer/consumer over an asyncio.Queue with a sentinel to stop."""
import asyncio

SENTINEL = -1


async def producer(queue: asyncio.Queue[int], count: int) -> None:
    for i in range(1, count + 1):
        await queue.put(i * 10)
        await asyncio.sleep(0.01)
    await queue.put(SENTINEL)


async def consumer(queue: asyncio.Queue[int]) -> int:
    total = 0
    while True:
        item = await queue.get()
        if item == SENTINEL:
            break
        total += item
    return total


async def main() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    consumer_task = asyncio.create_task(consumer(queue))
    await producer(queue, 5)
    total = await consumer_task
    print(f"consumed total: {total}")
    print("queue empty:", queue.empty())


if __name__ == "__main__":
    asyncio.run(main())
