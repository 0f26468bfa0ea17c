"""An exception escaping main: its message on stderr, exit status 1."""
import asyncio


async def fail(n: int) -> int:
    await asyncio.sleep(0.01)
    raise ValueError(f"bad value {n}")


async def main() -> None:
    print("before")
    await fail(3)
    print("not reached")


asyncio.run(main())
