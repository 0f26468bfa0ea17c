# The lesson's first example, verbatim except that the URL points at the test server.
import asyncio
import os

import aiohttp


async def fetch_async(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def main():
    data = await fetch_async(os.environ["ASYNCTRANSLATE_TEST_URL"])
    print(data)


asyncio.run(main())
