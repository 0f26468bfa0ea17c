import asyncio

from . import jobs as j
from .config import WORKERS as worker_count

STOP = -1


async def worker(name, queue, results):
    handled = 0
    while True:
        job_id, delay = await queue.get()
        if job_id == STOP:
            queue.task_done()
            break
        await asyncio.sleep(delay)
        results.append(j.score(job_id, delay))
        handled += 1
        queue.task_done()
    return handled


async def run_pool(work):
    queue = asyncio.Queue()
    results = []
    for item in work:
        queue.put_nowait(item)
    for _ in range(worker_count):
        queue.put_nowait((STOP, 0.0))
    tasks = []
    for i in range(worker_count):
        tasks.append(asyncio.create_task(worker(f"w{i}", queue, results)))
    await queue.join()
    handled = await asyncio.gather(*tasks)
    print("handled:", sum(handled), "by", len(handled), "workers")
    return results
