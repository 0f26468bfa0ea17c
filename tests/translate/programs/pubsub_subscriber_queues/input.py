import asyncio
from typing import Optional


class Broker:
    def __init__(self) -> None:
        self.topics: dict[str, list[asyncio.Queue[Optional[str]]]] = {}

    def subscribe(self, topic: str) -> asyncio.Queue[Optional[str]]:
        queue: asyncio.Queue[Optional[str]] = asyncio.Queue()
        self.topics.setdefault(topic, []).append(queue)
        return queue

    async def publish(self, topic: str, message: str) -> int:
        subscribers = self.topics.get(topic, [])
        for queue in subscribers:
            await queue.put(message)
        return len(subscribers)

    async def close(self) -> None:
        for queues in self.topics.values():
            for queue in queues:
                await queue.put(None)


async def subscriber(name: str, queue: asyncio.Queue[Optional[str]]) -> list[str]:
    received: list[str] = []
    while True:
        message = await queue.get()
        if message is None:
            break
        received.append(message)
    return received


async def main() -> None:
    broker = Broker()
    names: list[tuple[str, str]] = [("s1", "news"), ("s2", "news"), ("s3", "sports")]
    tasks = [asyncio.create_task(subscriber(n, broker.subscribe(t))) for n, t in names]

    delivered = 0
    for topic, msg in [("news", "election"), ("sports", "goal"), ("weather", "rain"), ("news", "budget")]:
        count = await broker.publish(topic, msg)
        print(f"published {msg!r} to {topic}: {count} subscribers")
        delivered += count
        await asyncio.sleep(0.001)
    await broker.close()

    inboxes = await asyncio.gather(*tasks)
    for (name, topic), inbox in zip(names, inboxes):
        print(f"{name} [{topic}] got {inbox}")
    print("total deliveries:", delivered)


asyncio.run(main())
