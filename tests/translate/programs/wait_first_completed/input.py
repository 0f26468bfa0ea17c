import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def flaky(delay):
    await asyncio.sleep(delay)
    if delay > 0:
        raise ValueError("flaky failed")
    return "lucky"


async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in [("a", 0.03), ("b", 0.01), ("c", 0.02)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in done:
        print("first:", t.result())
    print("still pending:", len(pending))

    done, pending = await asyncio.wait(pending, timeout=0.015)
    print("after timeout:", len(done), "done,", len(pending), "pending")
    done, pending = await asyncio.wait(pending)
    print(sorted(t.result() for t in done), len(pending))

    jobs = [asyncio.create_task(fetch("slow", 0.05)), asyncio.create_task(flaky(0.01))]
    done, pending = await asyncio.wait(jobs, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", len(done), "pending:", len(pending))
    for t in pending:
        t.cancel()
    all_done, _ = await asyncio.wait(jobs)
    print("cancelled:", sum(1 for t in all_done if t.cancelled()))


asyncio.run(main())
