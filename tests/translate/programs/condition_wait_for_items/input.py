import asyncio


async def consumer(cond, name, items, taken):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        item = items.pop(0)
        taken.append((name, item))
        print(f"{name} took {item}")


async def producer(cond, items):
    for i in range(3):
        await asyncio.sleep(0.01)
        async with cond:
            items.append(i * 10)
            print("produced", i * 10)
            cond.notify()


async def broadcaster(cond, state):
    await asyncio.sleep(0.01)
    async with cond:
        state["ready"] = True
        cond.notify_all()
        print("broadcast sent, lock held:", cond.locked())


async def listener(cond, name, state):
    async with cond:
        while not state["ready"]:
            await cond.wait()
        print(name, "saw ready")


async def main():
    cond = asyncio.Condition()
    items = []
    taken = []
    consumers = [asyncio.create_task(consumer(cond, f"c{i}", items, taken)) for i in range(3)]
    await producer(cond, items)
    await asyncio.gather(*consumers)
    print("taken:", taken)
    print("left:", items, "locked:", cond.locked())

    state = {"ready": False}
    await asyncio.gather(listener(cond, "l1", state), listener(cond, "l2", state), broadcaster(cond, state))


asyncio.run(main())
