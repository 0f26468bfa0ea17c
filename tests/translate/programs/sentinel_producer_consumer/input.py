import asyncio


async def producer(queue, items):
    for item in items:
        await asyncio.sleep(0.005)
        await queue.put(item)
        print(f"produced {item}")
    await queue.put(None)
    print("producer sent sentinel")


async def consumer(queue):
    consumed = []
    while True:
        item = await queue.get()
        if item is None:
            print("consumer got sentinel")
            break
        consumed.append(item * 10)
        print(f"consumed {item}")
    return consumed


async def main():
    queue = asyncio.Queue(maxsize=2)
    items = [1, 2, 3, 4, 5]
    _, results = await asyncio.gather(producer(queue, items), consumer(queue))
    print("results:", results)
    print("queue empty at end:", queue.empty())
    print("total:", sum(results))


if __name__ == "__main__":
    asyncio.run(main())
