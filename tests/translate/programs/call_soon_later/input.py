import asyncio


def hello(name, log):
    log.append(f"hello {name}")


async def main():
    loop = asyncio.get_running_loop()
    log = []
    start = loop.time()
    loop.call_later(0.02, hello, "later", log)
    loop.call_soon(hello, "soon", log)
    log.append("scheduled")
    await asyncio.sleep(0.05)
    print(log)
    print("elapsed ok:", loop.time() - start >= 0.02)
    task = loop.create_task(asyncio.sleep(0.01))
    await task
    print("done")


asyncio.run(main())
