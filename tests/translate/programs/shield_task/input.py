import asyncio


async def important(results):
    await asyncio.sleep(0.05)
    results.append("saved")
    return 42


async def main():
    results = []
    task = asyncio.create_task(important(results))
    try:
        value = await asyncio.wait_for(asyncio.shield(task), timeout=0.01)
        print("value", value)
    except TimeoutError:
        print("timeout, but the task goes on")
    value = await task
    print("finally", value, results)


asyncio.run(main())
