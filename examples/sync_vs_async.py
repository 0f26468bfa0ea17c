# Sync vs async libraries: requests and sqlite3 are synchronous.
import asyncio
import sqlite3
import time

import aiohttp
import requests


async def handler(url: str) -> str:
    # Sync (blocks the event loop — avoid in async code)
    response = requests.get(url)  # blocks!
    time.sleep(0.5)  # Thread.Sleep, not Task.Delay
    db = sqlite3.connect("app.db")
    db.execute("insert into hits values (?)", (url,))
    return response.text


async def handler_async(url: str) -> str:
    # Async (correct for async contexts)
    async with aiohttp.ClientSession() as s:
        async with s.get(url) as r:
            text = await r.text()
    await asyncio.sleep(0.5)
    return text


def report(url: str) -> str:
    # A blocking call in synchronous code is fine.
    return requests.get(url).text
