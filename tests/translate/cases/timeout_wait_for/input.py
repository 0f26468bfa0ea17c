import asyncio


async def slow_operation(delay: float) -> str:
    await asyncio.sleep(delay)
    return f"finished after {delay}s"


async def main() -> None:
    # A fast call completes within its timeout.
    result = await asyncio.wait_for(slow_operation(0.05), timeout=1.0)
    print(result)
    # A slow one does not.
    try:
        await asyncio.wait_for(slow_operation(2.0), timeout=0.1)
        print("not reached")
    except asyncio.TimeoutError:
        print("timed out")
    try:
        await asyncio.wait_for(slow_operation(2.0), 0.1)
    except TimeoutError:
        print("timed out again (builtin TimeoutError)")


asyncio.run(main())
