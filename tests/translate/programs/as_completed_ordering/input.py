import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name, delay


async def main():
    jobs = [("slow", 0.04), ("fast", 0.01), ("medium", 0.025), ("quickest", 0.0)]
    coros = [fetch(name, delay) for name, delay in jobs]
    order = []
    for fut in asyncio.as_completed(coros):
        name, delay = await fut
        order.append(name)
        print(f"finished {name:<8} (planned {delay:.3f}s)")
    print("completion order:", order)
    print("submission order:", [name for name, _ in jobs])

    position = 1
    for fut in asyncio.as_completed([fetch("x", 0.02), fetch("y", 0.01)]):
        name, _ = await fut
        print(position, name)
        position += 1


asyncio.run(main())
