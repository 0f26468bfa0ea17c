import asyncio

from workpool.config import JOBS
from workpool.jobs import make_jobs
from workpool.pool import run_pool


async def main():
    work = make_jobs()
    print("first:", make_jobs(JOBS)[0])
    print("jobs:", len(work))
    results = await run_pool(work)
    print("done:", len(results))
    print("scores:", sorted(results))
    print("total:", sum(results))


if __name__ == "__main__":
    asyncio.run(main())
