import asyncio


async def compute_async() -> int:
    await asyncio.sleep(0.1)  # Task.Delay equivalent
    return 42


async def main():
    result = await compute_async()
    print(result)


# Must explicitly run the event loop
asyncio.run(main())

# In Jupyter notebooks or async contexts, just await:
# result = await compute_async()
