import asyncio


async def producer(queue):
    jobs = [(3, "rebuild index"), (1, "page on-call"), (2, "send digest"), (1, "block attacker"), (5, "rotate logs")]
    for priority, name in jobs:
        await queue.put((priority, name))
        print(f"queued {name!r} at priority {priority}")


async def consumer(queue, done):
    while True:
        priority, name = await queue.get()
        await asyncio.sleep(0.001)
        done.append(name)
        print(f"ran {name} (p{priority})")
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    done = []
    await producer(queue)
    print("waiting:", queue.qsize())
    worker = asyncio.create_task(consumer(queue, done))
    await queue.join()
    worker.cancel()
    print("order:", done)
    print("empty:", queue.empty())


asyncio.run(main())
