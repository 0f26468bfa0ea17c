import asyncio

import textkit
import textkit.util.helpers as h
from textkit import util


async def main():
    print(textkit.shout("hello"), textkit.whisper("WORLD"))
    print("double:", textkit.double(textkit.LIMIT))
    words = await asyncio.gather(h.echo("go", 2), util.helpers.echo("Stop", textkit.LIMIT))
    for w in words:
        print(" ".join(w))


asyncio.run(main())
