import asyncio


async def slow(n):
    await asyncio.sleep(n)
    return n * 2


async def main():
    try:
        async with asyncio.timeout(0.05):
            await slow(1)
    except TimeoutError:
        print("timed out")
    async with asyncio.timeout(1):
        r = await slow(0.01)
    print("got", r)
    try:
        r = await asyncio.wait_for(slow(1), timeout=0.05)
    except asyncio.TimeoutError:
        print("wait_for timed out")


asyncio.run(main())
