import asyncio

async def stage(name, delay, results):
    await asyncio.sleep(delay)
    results.append(name)
    return len(results)

async def main():
    results = []
    t1 = asyncio.create_task(stage("one", 0.03, results))
    t2 = asyncio.create_task(stage("two", 0.01, results))
    t3 = asyncio.create_task(stage("three", 0.02, results))
    positions = [await t1, await t2, await t3]
    print(results)
    print(positions)
    done = [t.done() for t in (t1, t2, t3)]
    print(all(done), any(not d for d in done))

asyncio.run(main())
