import asyncio
import os
from typing import Any

import aiohttp

BASE_URL = os.environ["ASYNCTRANSLATE_TEST_URL"]


async def get_numbers(session: aiohttp.ClientSession) -> list[int]:
    async with session.get(BASE_URL + "/numbers") as r:
        numbers: list[int] = await r.json()
        return numbers


async def main() -> None:
    async with aiohttp.ClientSession() as session:
        numbers = await get_numbers(session)
        print("numbers:", numbers)
        print("sorted:", sorted(numbers))
        print("max:", max(numbers), "sum:", sum(numbers))
        async with session.get(BASE_URL + "/json") as r:
            info: dict[str, Any] = await r.json()
        print(info["name"], info["version"])
        print(info)


asyncio.run(main())
