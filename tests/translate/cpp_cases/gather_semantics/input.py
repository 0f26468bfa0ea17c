"""gather keeps Python's semantics where Asio's parallel_group differs."""
import asyncio


async def slow(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    print("finished", name)
    return name


async def boom(delay: float) -> str:
    await asyncio.sleep(delay)
    raise KeyError("boom")


async def main() -> None:
    names: list[str] = []
    nothing = await asyncio.gather(*[slow(n, 0.01) for n in names])
    print("empty gather:", nothing)
    ordered = await asyncio.gather(slow("b", 0.03), slow("a", 0.01))
    print("in argument order:", ordered)
    try:
        await asyncio.gather(slow("sibling", 0.05), boom(0.01))
    except KeyError as e:
        print("first exception propagates:", repr(e))
    # The sibling was not cancelled: it still finishes.
    await asyncio.sleep(0.1)
    settled = await asyncio.gather(slow("ok", 0.01), boom(0.02), return_exceptions=True)
    print("return_exceptions:", settled)


asyncio.run(main())
