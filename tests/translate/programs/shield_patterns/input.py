import asyncio


async def save(store, key, value):
    await asyncio.sleep(0.03)
    store[key] = value
    return key


async def handler(store, key):
    await asyncio.shield(save(store, key, key * 2))
    print("handler finished", key)


async def main():
    store = {}
    try:
        async with asyncio.timeout(0.01):
            await asyncio.shield(save(store, 1, 100))
    except TimeoutError:
        print("timed out while saving")
    task = asyncio.create_task(handler(store, 5))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("handler cancelled")
    await asyncio.sleep(0.05)
    print(sorted(store.items()))


asyncio.run(main())
