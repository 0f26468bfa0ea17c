import asyncio


async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    q.qsize()
    asyncio.get_running_loop()
    asyncio.get_running_loop().time()
    print("ok", q.qsize())


asyncio.run(main())
