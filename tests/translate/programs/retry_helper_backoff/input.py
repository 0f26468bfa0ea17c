import asyncio
from typing import Optional


class TransientError(Exception):
    pass


class FlakyService:
    def __init__(self, failures_before_success: int) -> None:
        self.remaining_failures = failures_before_success
        self.calls: int = 0

    async def call(self, payload: str) -> str:
        self.calls += 1
        await asyncio.sleep(0.001)
        if self.remaining_failures > 0:
            self.remaining_failures -= 1
            raise TransientError(f"attempt {self.calls} failed")
        return f"ok:{payload}"


async def retry(service: FlakyService, payload: str, attempts: int, base_delay: float) -> Optional[str]:
    delay = base_delay
    for attempt in range(1, attempts + 1):
        try:
            return await service.call(payload)
        except TransientError as exc:
            if attempt == attempts:
                print(f"  {exc}; no attempts left")
                break
            print(f"  {exc}; backing off {delay * 1000:.0f} ms")
            await asyncio.sleep(delay)
            delay *= 2
    return None


async def main() -> None:
    scenarios: list[tuple[str, int]] = [("alpha", 0), ("beta", 2), ("gamma", 5)]
    for name, failures in scenarios:
        service = FlakyService(failures)
        print(f"{name}: {failures} failures planned")
        result = await retry(service, name, attempts=4, base_delay=0.002)
        if result is None:
            print(f"{name}: gave up after {service.calls} calls")
        else:
            print(f"{name}: {result} after {service.calls} calls")


asyncio.run(main())
