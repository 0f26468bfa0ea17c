import asyncio


class PaymentError(Exception):
    pass


async def charge(customer, amount):
    await asyncio.sleep(0.01)
    if amount < 0:
        raise PaymentError(f"negative amount for {customer}")
    return amount


async def audit(log):
    try:
        await asyncio.sleep(0.1)
        log.append("audit finished")
    except asyncio.CancelledError:
        log.append("audit cancelled")
        raise


async def settle(orders):
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(charge(c, a)) for c, a in orders]
            tg.create_task(audit(log))
        print("settled:", [t.result() for t in tasks])
    except ExceptionGroup as eg:
        print("failed:", eg)
    print("log:", log)


async def main():
    await settle([("ann", 10), ("bob", -5), ("cy", 7)])
    await settle([("dee", 3)])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(charge("eve", -1))
            tg.create_task(charge("fay", -2))
    except Exception as e:
        print(type(e).__name__, "-", e)


asyncio.run(main())
