import asyncio
import random


async def worker(name, queue, log):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        log.append(f"{name} has slept for {sleep_for:.2f} seconds")


async def main():
    random.seed(7)
    queue = asyncio.Queue()
    total_sleep_time = 0
    for _ in range(12):
        sleep_for = random.uniform(0.005, 0.02)
        total_sleep_time += sleep_for
        queue.put_nowait(sleep_for)
    log = []
    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f"worker-{i}", queue, log))
        tasks.append(task)
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(len(log), "items processed")
    print(f"total expected sleep time: {total_sleep_time:.2f} seconds")


asyncio.run(main())
