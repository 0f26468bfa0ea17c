import asyncio
from collections import defaultdict


async def fetch_page(n):
    await asyncio.sleep(0.001 * n)
    return f"page {n} talks about asyncio and tasks and asyncio again"


class WordIndex:
    def __init__(self):
        self.pages = defaultdict(set)
        self.counts = defaultdict(int)

    def add(self, page, text):
        for word in text.split():
            self.pages[word].add(page)
            self.counts[word] += 1

    def lookup(self, word):
        return sorted(self.pages[word])


async def main():
    index = WordIndex()
    texts = await asyncio.gather(*[fetch_page(n) for n in range(1, 4)])
    for n, text in enumerate(texts, start=1):
        index.add(n, text)
    print("asyncio on pages", index.lookup("asyncio"))
    print("missing word pages", index.lookup("threads"))
    print("asyncio count", index.counts["asyncio"], "threads count", index.counts["threads"])
    by_length = defaultdict(list)
    for word in sorted(index.counts):
        by_length[len(word)].append(word)
    for length in sorted(by_length):
        print(length, by_length[length])
    totals = defaultdict(lambda: 0.0)
    for name, amount in [("ann", 2.5), ("bob", 1.0), ("ann", 4.0)]:
        totals[name] += amount
    print(dict(totals))
    print(len(index.counts), "distinct words")


asyncio.run(main())
