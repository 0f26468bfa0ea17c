import asyncio

from . import pong


async def ping(n: int, log: list[str]) -> int:
    log.append(f"ping {n}")
    if n <= 0:
        return 0
    await asyncio.sleep(0)
    return 1 + await pong.pong(n - 1, log)
