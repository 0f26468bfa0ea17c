"""Crawl pages from the test server, at most two requests at a time."""
import asyncio
import os

import aiohttp

BASE_URL = os.environ["ASYNCTRANSLATE_TEST_URL"]
MAX_CONCURRENT = 2


class Crawler:
    def __init__(self, session: aiohttp.ClientSession, limit: int) -> None:
        self.session = session
        self.semaphore = asyncio.Semaphore(limit)
        self.pages: dict[str, str] = {}

    async def fetch(self, path: str) -> None:
        async with self.semaphore:
            async with self.session.get(BASE_URL + path) as response:
                if response.status != 200:
                    print(f"skip {path} ({response.status})")
                    return
                self.pages[path] = await response.text()

    async def crawl(self, paths: list[str]) -> int:
        await asyncio.gather(*[self.fetch(p) for p in paths])
        return len(self.pages)


async def main() -> None:
    async with aiohttp.ClientSession() as session:
        crawler = Crawler(session, MAX_CONCURRENT)
        count = await crawler.crawl(["/url1", "/url2", "/missing", "/url3"])
    print("fetched", count, "pages")
    for path in sorted(crawler.pages):
        print(path, "=>", crawler.pages[path])


asyncio.run(main())
