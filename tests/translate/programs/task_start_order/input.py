import asyncio


async def job(name, steps, log):
    print(f"{name}: start")
    for step in range(steps):
        await asyncio.sleep(0.01)
        log.append(f"{name}.{step}")
    print(f"{name}: done after {steps} steps")
    return steps * 10


async def main():
    log = []
    tasks = []
    for i in range(3):
        t = asyncio.create_task(job(f"job{i}", i + 1, log))
        tasks.append(t)
        print("created job", i)
    print("all created, none started yet:", all(not t.done() for t in tasks))
    first = asyncio.create_task(job("solo", 1, log))
    first.cancel()
    results = []
    for t in tasks:
        results.append(await t)
    try:
        await first
    except asyncio.CancelledError:
        print("solo never ran:", first.cancelled())
    print("results:", results)
    print("log:", log)
    print("cancel a finished task:", tasks[0].cancel())


asyncio.run(main())
