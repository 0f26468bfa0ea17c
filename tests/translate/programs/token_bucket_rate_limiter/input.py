import asyncio
import time


class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.updated = 0.0
        self.lock = asyncio.Lock()
        self.granted = 0

    async def acquire(self):
        async with self.lock:
            while self.tokens < 1:
                await asyncio.sleep(1 / self.rate)
                self.tokens = min(self.capacity, self.tokens + 1)
            self.tokens -= 1
            self.granted += 1


async def client(bucket, name, n, log):
    for i in range(n):
        await bucket.acquire()
        log.append(f"{name}-{i}")


async def main():
    bucket = TokenBucket(rate=200, capacity=3)
    log = []
    await asyncio.gather(*[client(bucket, c, 3, log) for c in "abc"])
    print(len(log), bucket.granted)
    print(sorted(log)[:4])
    print("tokens left:", bucket.tokens)


asyncio.run(main())
