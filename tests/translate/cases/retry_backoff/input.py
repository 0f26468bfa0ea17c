"""Retry with exponential backoff around a flaky async operation."""
import asyncio

MAX_ATTEMPTS = 5
BASE_DELAY = 0.01


class FlakyService:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    async def fetch(self) -> str:
        self.calls += 1
        await asyncio.sleep(0.001)
        if self.calls <= self.failures:
            raise ConnectionError(f"attempt {self.calls} failed")
        return "payload"


async def with_retry(service: FlakyService, attempts: int = MAX_ATTEMPTS) -> str:
    delay = BASE_DELAY
    for attempt in range(1, attempts + 1):
        try:
            return await service.fetch()
        except ConnectionError as e:
            print(f"retry {attempt}: {e}; waiting {delay:.2f}s")
            await asyncio.sleep(delay)
            delay *= 2
    raise RuntimeError("gave up")


async def main() -> None:
    print(await with_retry(FlakyService(3)))
    try:
        await with_retry(FlakyService(10), attempts=2)
    except RuntimeError as e:
        print("error:", e)


asyncio.run(main())
