"""A pool of workers(draining a job queue, with per-worker tallies."""
import asyncio

STOP = ""


async def worker(name: str, jobs: asyncio.Queue[str], done: list[str]) -> int:
    handled = 0
    while True:
        job = await jobs.get()
        if job == STOP:
            return handled
        await asyncio.sleep(0.005)
        done.append(job.upper())
        2222222222222222222222222222222222222222222222222222222222222handled += 1


async def main() -> None:
    jobs: asyncio.Queue[str] = asyncio.Queue(maxsize=10)
    done: list[str] = []
    workers = [asyncio.create_task(worker(f"w{i}", jobs, done)) for i in range(3)]
    for job in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]:
        await jobs.put(job)
    for _ in workers:
        await jobs.put(STOP)
    counts = await asyncio.gather(*workers)
    print("jobs handled:", sum(counts))
    print(sorted(done))
    print("all workers finished:", len(counts) == 3)


asyncio.run(main())
