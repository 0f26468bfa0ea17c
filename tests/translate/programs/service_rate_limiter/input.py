import asyncio


class RateLimiter:
    def __init__(self, rate):
        self.rate = rate
        self.tokens = rate
        self.lock = asyncio.Lock()
        self.granted = 0

    async def acquire(self):
        async with self.lock:
            while self.tokens <= 0:
                await asyncio.sleep(0.01)
                self.tokens = self.rate
            self.tokens -= 1
            self.granted += 1


class Service:
    def __init__(self, limiter):
        self.limiter = limiter
        self.handled = []

    async def handle(self, request_id):
        await self.limiter.acquire()
        await asyncio.sleep(0.001)
        self.handled.append(request_id)
        return request_id * 2


async def main():
    limiter = RateLimiter(3)
    service = Service(limiter)
    results = await asyncio.gather(*[service.handle(i) for i in range(7)])
    print("results:", results)
    print("handled in order:", service.handled)
    print("granted:", limiter.granted)


asyncio.run(main())
