# The lesson's first example: aiohttp replaces HttpClient.
import asyncio
import aiohttp


async def fetch_async(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def main():
    data = await fetch_async("https://api.example.com")
    print(data)


asyncio.run(main())
