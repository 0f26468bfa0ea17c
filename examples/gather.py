# Concurrent execution: asyncio.gather() replaces Task.WhenAll().
import asyncio
import aiohttp


async def fetch_async(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def main():
    results = await asyncio.gather(
        fetch_async("url1"),
        fetch_async("url2"),
        fetch_async("url3")
    )
    # results is a list in the same order
    print(results)


asyncio.run(main())
