import traceback


def _format_callback():
    return traceback.format_exc()


async def run_callback():
    # asyncio leaves its own package for traceback: the chain stops there.
    _format_callback()
    traceback.format_exc()
