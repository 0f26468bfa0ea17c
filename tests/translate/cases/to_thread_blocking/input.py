import asyncio
import time


def crunch(n: int) -> int:
    time.sleep(0.01)  # blocking work, fine on a worker thread
    return sum(i * i for i in range(n))


async def main() -> None:
    results = await asyncio.gather(asyncio.to_thread(crunch, 10), asyncio.to_thread(crunch, 100))
    print(results)
    single = await asyncio.to_thread(crunch, 5)
    print("single:", single)


asyncio.run(main())
