import asyncio


async def measure(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return name


async def main() -> None:
    tasks = [
        asyncio.create_task(measure("slow", 0.4)),
        asyncio.create_task(measure("fast", 0.01)),
        asyncio.create_task(measure("medium", 0.2)),
    ]
    order: list[str] = []
    for next_done in asyncio.as_completed(tasks):
        name = await next_done
        order.append(name)
        print("finished:", name)
    print(order)


asyncio.run(main())
