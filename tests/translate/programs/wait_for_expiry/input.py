import asyncio


async def eternity():
    await asyncio.sleep(3600)
    print("yay!")


async def quick(value):
    await asyncio.sleep(0.01)
    return value * 2


async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=0.02)
    except asyncio.TimeoutError:
        print("timeout!")

    result = await asyncio.wait_for(quick(21), timeout=0.5)
    print("quick result:", result)

    timeouts = 0
    successes = []
    for limit in [0.001, 0.05, 0.002, 0.05]:
        try:
            value = await asyncio.wait_for(quick(len(successes) + 1), timeout=limit)
            successes.append(value)
        except asyncio.TimeoutError:
            timeouts += 1
    print("timeouts:", timeouts)
    print("successes:", successes)


asyncio.run(main())
