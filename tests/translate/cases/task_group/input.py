import asyncio


async def job(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name} done"


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        first = tg.create_task(job("first", 0.03))
        second = tg.create_task(job("second", 0.01))
    print(first.result())
    print(second.result())
    print("both finished:", first.done() and second.done())


asyncio.run(main())
