import asyncio


async def waiter(event: asyncio.Event, name: str) -> str:
    await event.wait()
    return f"{name} saw the event"


async def main() -> None:
    ready = asyncio.Event()
    print("set before:", ready.is_set())
    waiters = [asyncio.create_task(waiter(ready, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.02)
    ready.set()
    results = await asyncio.gather(*waiters)
    for r in results:
        print(r)
    print("set after:", ready.is_set())


asyncio.run(main())
