import asyncio

class AppError(Exception):
    pass

async def fail(kind):
    await asyncio.sleep(0.001)
    if kind == 1:
        raise AppError("app broke")
    raise ValueError("bad value")

async def main():
    for kind in [1, 2]:
        try:
            await fail(kind)
        except Exception as e:
            print(f"{type(e).__name__}: {e}")
    try:
        raise KeyError("k")
    except KeyError as err:
        print(type(err).__name__)

asyncio.run(main())
