import asyncio


class RateLimiter:
    """Allows at most `limit` calls per window; extra callers wait for the next window."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self.tokens: int = limit
        self.windows_started: int = 1
        self.cond = asyncio.Condition()

    async def refill_loop(self, rounds: int) -> None:
        for _ in range(rounds):
            await asyncio.sleep(self.window)
            async with self.cond:
                self.tokens = self.limit
                self.windows_started += 1
                self.cond.notify_all()

    async def acquire(self) -> int:
        async with self.cond:
            while self.tokens == 0:
                await self.cond.wait()
            self.tokens -= 1
            return self.windows_started


async def call_api(limiter: RateLimiter, request_id: int) -> tuple[int, int]:
    window = await limiter.acquire()
    return request_id, window


async def main() -> None:
    limiter = RateLimiter(limit=3, window=0.02)
    refiller = asyncio.create_task(limiter.refill_loop(3))
    results: list[tuple[int, int]] = await asyncio.gather(*[call_api(limiter, i) for i in range(8)])
    refiller.cancel()
    try:
        await refiller
    except asyncio.CancelledError:
        print("refiller stopped")

    per_window: dict[int, int] = {}
    for _, window in results:
        per_window[window] = per_window.get(window, 0) + 1
    for window in sorted(per_window):
        print(f"window {window}: {per_window[window]} calls")
    print("max per window:", max(per_window.values()))
    print("all requests served:", sorted(r for r, _ in results) == list(range(8)))


asyncio.run(main())
