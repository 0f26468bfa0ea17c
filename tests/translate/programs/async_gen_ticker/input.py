import asyncio


async def ticker(delay, to):
    for i in range(to):
        yield i
        await asyncio.sleep(delay)


async def countdown(start):
    n = start
    while n > 0:
        await asyncio.sleep(0.001)
        yield n
        n -= 1


async def evens(source):
    async for value in source:
        if value % 2 == 0:
            yield value


async def main():
    async for tick in ticker(0.005, 4):
        print("tick", tick)

    values = [n async for n in countdown(5)]
    print("countdown:", values)

    doubled = [x * 2 async for x in ticker(0.001, 6) if x > 2]
    print("doubled:", doubled)

    found = []
    async for e in evens(ticker(0.001, 10)):
        found.append(e)
    print("evens:", found)

    total = 0
    async for n in countdown(10):
        if n < 7:
            break
        total += n
    print("total before break:", total)


asyncio.run(main())
