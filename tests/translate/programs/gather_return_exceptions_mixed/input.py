import asyncio

async def fetch(i):
    await asyncio.sleep(0.01 * (3 - i))
    if i == 1:
        raise ValueError(f"bad item {i}")
    return i * 10

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(3)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", r)
        else:
            print("ok:", r)
    try:
        await asyncio.gather(fetch(0), fetch(1))
    except ValueError as e:
        print("caught", e)

asyncio.run(main())
