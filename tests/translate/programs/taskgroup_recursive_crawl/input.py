import asyncio

PAGES = {
    "/": ["/a", "/b"],
    "/a": ["/a/1", "/b"],
    "/b": ["/"],
    "/a/1": [],
}


class Crawler:
    def __init__(self, limit):
        self.seen = set()
        self.order = []
        self.sem = asyncio.Semaphore(limit)

    async def fetch(self, url):
        async with self.sem:
            await asyncio.sleep(0.001)
            return PAGES.get(url, [])

    async def crawl(self, url):
        if url in self.seen:
            return
        self.seen.add(url)
        links = await self.fetch(url)
        self.order.append(url)
        async with asyncio.TaskGroup() as tg:
            for link in links:
                tg.create_task(self.crawl(link))


async def main():
    c = Crawler(2)
    await c.crawl("/")
    print(sorted(c.seen))
    print(len(c.order))


asyncio.run(main())
