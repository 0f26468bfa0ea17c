import asyncio


async def producer(queue, n):
    for i in range(n):
        await queue.put(i * 10)
        print(f"produced {i * 10}")
        await asyncio.sleep(0.001)
    await queue.put(None)


async def consumer(queue):
    total = 0
    count = 0
    while True:
        item = await queue.get()
        if item is None:
            break
        total += item
        count += 1
        print(f"consumed {item}, running total {total}")
    print(f"consumer saw {count} items")
    return total


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue, 5), consumer(queue))
    print("queue empty:", queue.empty())


asyncio.run(main())
