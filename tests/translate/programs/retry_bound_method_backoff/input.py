import asyncio


class Flaky:
    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    async def fetch(self, key):
        self.calls += 1
        await asyncio.sleep(0.001)
        if self.calls <= self.failures:
            raise ConnectionError(f"attempt {self.calls} failed")
        return {"key": key, "value": len(key) * 10}


async def with_retry(fn, key, attempts=5, delay=0.001):
    last = None
    for attempt in range(1, attempts + 1):
        try:
            return await fn(key)
        except ConnectionError as e:
            last = e
            print(f"retry {attempt}: {e}")
            await asyncio.sleep(delay * 2 ** attempt)
    raise RuntimeError(f"gave up after {attempts} attempts") from last


async def main():
    svc = Flaky(2)
    result = await with_retry(svc.fetch, "alpha")
    print(result["key"], result["value"], svc.calls)
    try:
        await with_retry(Flaky(10).fetch, "beta", attempts=2)
    except RuntimeError as e:
        print("error:", e)


asyncio.run(main())
