import asyncio


async def risky(n: int) -> int:
    await asyncio.sleep(0.01 * n)
    if n % 2 == 0:
        raise ValueError(f"bad input {n}")
    return n * n


async def main() -> None:
    results = await asyncio.gather(risky(1), risky(2), risky(3), return_exceptions=True)
    print(results)
    for r in results:
        if isinstance(r, Exception):
            print("error:", r)
        else:
            print("ok:", r)
    try:
        await asyncio.gather(risky(1), risky(4))
    except ValueError as e:
        print(f"gather raised: {e}")


asyncio.run(main())
