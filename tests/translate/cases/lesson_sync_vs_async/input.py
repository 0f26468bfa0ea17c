# The lesson's "Sync vs Async Libraries" example as one program.
import asyncio
import os

import aiohttp
import requests

url = os.environ["ASYNCTRANSLATE_TEST_URL"]


async def main():
    # Sync (blocks the event loop — avoid in async code)
    response = requests.get(url)  # blocks!
    print(response.status_code)
    body = requests.get(url).text
    print(body)

    # Async (correct for async contexts)
    async with aiohttp.ClientSession() as s:
        async with s.get(url) as r:
            text = await r.text()
    print(text)


asyncio.run(main())
