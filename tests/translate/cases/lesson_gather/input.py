# The lesson's gather example; fetch_async is the lesson's, the URLs point at the test server.
import asyncio
import os

import aiohttp

BASE_URL = os.environ["ASYNCTRANSLATE_TEST_URL"]


async def fetch_async(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def main():
    results = await asyncio.gather(
        fetch_async(BASE_URL + "/url1"),
        fetch_async(BASE_URL + "/url2"),
        fetch_async(BASE_URL + "/url3")
    )
    # results is a list in the same order
    print(results)


asyncio.run(main())
