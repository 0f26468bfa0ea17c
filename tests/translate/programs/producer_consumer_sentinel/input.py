import asyncio
import random


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        await asyncio.sleep(0)
    await queue.put(None)


async def consumer(queue, results):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            break
        results.append(item * item)
        queue.task_done()


async def main():
    random.seed(1)
    queue = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(producer(queue, 6), consumer(queue, results))
    await queue.join()
    print("squares:", results)
    print("total:", sum(results))


asyncio.run(main())
