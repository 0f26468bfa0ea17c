import asyncio

from .. import text
from ..numbers import double as dbl


async def echo(word: str, times: int) -> list[str]:
    out = []
    for i in range(times):
        await asyncio.sleep(0)
        out.append(text.shout(word) if i % 2 == 0 else text.whisper(word))
    out.append(str(dbl(times)))
    return out
