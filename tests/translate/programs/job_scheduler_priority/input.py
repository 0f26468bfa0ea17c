import asyncio
from dataclasses import dataclass


@dataclass(order=True)
class Job:
    priority: int
    name: str
    duration: float = 0.001


class Scheduler:
    def __init__(self) -> None:
        self.queue: asyncio.PriorityQueue[Job] = asyncio.PriorityQueue()
        self.completed: list[str] = []

    def submit(self, job: Job) -> None:
        self.queue.put_nowait(job)

    async def run_one(self) -> Job:
        job = await self.queue.get()
        await asyncio.sleep(job.duration)
        self.completed.append(job.name)
        self.queue.task_done()
        return job

    async def drain(self) -> int:
        count = 0
        while not self.queue.empty():
            job = await self.run_one()
            print(f"ran {job.name:<10} priority={job.priority}")
            count += 1
        return count


async def main() -> None:
    scheduler = Scheduler()
    jobs: list[Job] = [
        Job(3, "backup"),
        Job(1, "alerts"),
        Job(2, "reports", 0.002),
        Job(1, "billing"),
        Job(5, "cleanup"),
    ]
    for job in jobs:
        scheduler.submit(job)
    print("pending:", scheduler.queue.qsize())
    ran = await scheduler.drain()
    print("jobs run:", ran)
    print("order:", " -> ".join(scheduler.completed))
    print("lowest job:", min(jobs))
    print("same job equal:", Job(1, "x") == Job(1, "x"))


if __name__ == "__main__":
    asyncio.run(main())
