import asyncio


async def worker(name, queue, results):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        results.append((name, sleep_for))
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = []

    delays = [0.01, 0.02, 0.015, 0.005, 0.03, 0.01, 0.025, 0.02, 0.005]
    for d in delays:
        queue.put_nowait(d)
    print("queued items:", queue.qsize())

    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f"worker-{i}", queue, results))
        tasks.append(task)

    await queue.join()
    print("queue empty:", queue.empty())

    for task in tasks:
        task.cancel()
    outcome = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = 0
    for item in outcome:
        if isinstance(item, asyncio.CancelledError):
            cancelled += 1
    print("cancelled workers:", cancelled)

    total_slept = sum(d for _, d in results)
    print(f"processed {len(results)} items")
    print(f"total expected sleep: {total_slept:.3f}")
    names = sorted(set(name for name, _ in results))
    print("workers used:", ", ".join(names))


asyncio.run(main())
