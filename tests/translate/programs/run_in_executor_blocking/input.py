import asyncio
import time


def blocking_io(n):
    time.sleep(0.01)
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(None, blocking_io, 4)
    print("executor", result)
    results = await asyncio.gather(*(asyncio.to_thread(blocking_io, i) for i in range(5)))
    print("threads", results)


asyncio.run(main())
