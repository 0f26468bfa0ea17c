import asyncio

from .ping import ping
from .pong import parity as kind


async def main():
    log = []
    hops = await ping(5, log)
    for line in log:
        print(line)
    print("hops:", hops, kind(hops))


asyncio.run(main())
