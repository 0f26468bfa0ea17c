import asyncio


class Cache:
    def __init__(self, ttl):
        self.ttl = ttl
        self.data = {}
        self.hits = 0
        self.misses = 0
        self.locks = {}

    def _lock(self, key):
        if key not in self.locks:
            self.locks[key] = asyncio.Lock()
        return self.locks[key]

    async def get_or_load(self, key, loader):
        async with self._lock(key):
            if key in self.data:
                self.hits += 1
                return self.data[key]
            self.misses += 1
            value = await loader(key)
            self.data[key] = value
            return value


async def load_user(key):
    await asyncio.sleep(0.002)
    return key.upper()


async def main():
    cache = Cache(ttl=60)
    keys = ["a", "b", "a", "c", "b", "a"]
    values = await asyncio.gather(*(cache.get_or_load(k, load_user) for k in keys))
    print(values)
    print("hits", cache.hits, "misses", cache.misses)
    stats = {"hits": cache.hits, "misses": cache.misses}
    ratio = stats["hits"] / (stats["hits"] + stats["misses"])
    print(f"ratio {ratio:.2f}")


asyncio.run(main())
