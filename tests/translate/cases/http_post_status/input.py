import asyncio
import os

import aiohttp

BASE_URL = os.environ["ASYNCTRANSLATE_TEST_URL"]


async def check(session: aiohttp.ClientSession, path: str) -> bool:
    async with session.get(BASE_URL + path) as response:
        if response.status == 404:
            print(f"{path}: not found")
            return False
        print(f"{path}: ok ({response.status})")
        return True


async def main() -> None:
    async with aiohttp.ClientSession() as session:
        found: list[bool] = []
        for p in ["/", "/missing", "/url1"]:
            found.append(await check(session, p))
        print(found)
        async with session.post(BASE_URL + "/echo", json={"user": "ada", "score": 42}) as r:
            text = await r.text()
            print(r.status, text)


asyncio.run(main())
