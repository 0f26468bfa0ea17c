"""Fan-out HTTP fetch: one session, many requests, results in order."""
import asyncio
import os

import aiohttp

BASE_URL = os.environ["ASYNCTRANSLATE_TEST_URL"]


async def fetch(session: aiohttp.ClientSession, path: str) -> str:
    async with session.get(BASE_URL + path) as response:
        body = await response.text()
        return f"{path} -> {response.status}: {body}"


async def main() -> None:
    paths = [f"/item/{i}" for i in range(5)]
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.create_task(fetch(session, p)) for p in paths]
        results = await asyncio.gather(*tasks)
    for line in results:
        print(line)
    print(len(results), "responses")


asyncio.run(main())
