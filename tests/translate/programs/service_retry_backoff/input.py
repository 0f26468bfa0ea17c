import asyncio


class TransientError(Exception):
    pass


attempts = {}


async def flaky(name, fail_times):
    count = attempts.get(name, 0) + 1
    attempts[name] = count
    await asyncio.sleep(0.001)
    if count <= fail_times:
        raise TransientError(f"{name} failed attempt {count}")
    return f"{name} ok after {count}"


async def with_retry(name, fail_times, retries=3):
    delay = 0.001
    for attempt in range(1, retries + 1):
        try:
            return await flaky(name, fail_times)
        except TransientError as e:
            print("retrying:", e)
            await asyncio.sleep(delay)
            delay *= 2
    return f"{name} gave up"


async def main():
    results = await asyncio.gather(with_retry("a", 0), with_retry("b", 2), with_retry("c", 5))
    for r in results:
        print(r)
    print(sorted(attempts.items()))


asyncio.run(main())
