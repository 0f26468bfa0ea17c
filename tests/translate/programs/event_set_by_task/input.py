import asyncio


async def waiter(event, name, log):
    print(f"{name} waiting for event")
    await event.wait()
    log.append(name)


async def setter(event):
    await asyncio.sleep(0.02)
    print("setting the event")
    event.set()


async def main():
    event = asyncio.Event()
    log = []
    print("is set at start:", event.is_set())

    waiters = [asyncio.create_task(waiter(event, f"waiter{i}", log)) for i in range(3)]
    await setter(event)
    await asyncio.gather(*waiters)

    print("woken:", sorted(log))
    print("is set now:", event.is_set())

    event.clear()
    print("after clear:", event.is_set())

    late = asyncio.create_task(waiter(event, "late", log))
    await asyncio.sleep(0.01)
    print("late done before set:", late.done())
    event.set()
    await late
    print("late done after set:", late.done())
    print("total woken:", len(log))


if __name__ == "__main__":
    asyncio.run(main())
