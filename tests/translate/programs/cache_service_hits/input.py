import asyncio
from typing import Optional


class SlowBackend:
    def __init__(self) -> None:
        self.calls: int = 0

    async def load(self, key: str) -> str:
        self.calls += 1
        await asyncio.sleep(0.005)
        return key.upper() * 2


class CacheService:
    def __init__(self, backend: SlowBackend, capacity: int) -> None:
        self.backend = backend
        self.capacity = capacity
        self.store: dict[str, str] = {}
        self.order: list[str] = []
        self.hits: int = 0
        self.misses: int = 0

    def peek(self, key: str) -> Optional[str]:
        return self.store.get(key)

    async def get(self, key: str) -> str:
        cached = self.peek(key)
        if cached is not None:
            self.hits += 1
            self.order.remove(key)
            self.order.append(key)
            return cached
        self.misses += 1
        value = await self.backend.load(key)
        if len(self.order) >= self.capacity:
            evicted = self.order.pop(0)
            del self.store[evicted]
            print(f"evicted {evicted}")
        self.store[key] = value
        self.order.append(key)
        return value


async def main() -> None:
    backend = SlowBackend()
    cache = CacheService(backend, capacity=3)
    for key in ["ab", "cd", "ab", "ef", "gh", "cd", "ab"]:
        value = await cache.get(key)
        print(f"get({key}) = {value}")
    print(f"hits={cache.hits} misses={cache.misses} backend calls={backend.calls}")
    print("cached keys:", cache.order)
    missing: Optional[str] = cache.peek("zz")
    print("peek zz is None:", missing is None)
    ratio: float = cache.hits / (cache.hits + cache.misses)
    print(f"hit ratio: {ratio:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
