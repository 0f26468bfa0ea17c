"""Blocking calls inside async def become the .NET async APIs."""
import asyncio
import os
import time

import requests

BASE_URL = os.environ["ASYNCTRANSLATE_TEST_URL"]


async def poll(name: str, delay: float) -> str:
    time.sleep(delay)  # blocks the whole event loop in Python
    return f"{name} polled"


async def main() -> None:
    print(await poll("sensor", 0.01))
    page = requests.get(BASE_URL + "/url2").text
    print(page)
    response = requests.get(BASE_URL + "/missing")
    print(response.status_code)


asyncio.run(main())
