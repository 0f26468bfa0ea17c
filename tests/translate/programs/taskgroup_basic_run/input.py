import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()


async def square(n):
    await asyncio.sleep(0.01 * n)
    return n * n


async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(say_after(0.01, "hello"))
        task2 = tg.create_task(say_after(0.03, "world"))
        print("tasks created")
    print("both tasks have completed now")
    print(task1.result(), task2.result())

    tasks = []
    async with asyncio.TaskGroup() as tg:
        for n in range(1, 5):
            tasks.append(tg.create_task(square(n)))
    squares = [t.result() for t in tasks]
    print("squares:", squares)
    print("sum:", sum(squares))


if __name__ == "__main__":
    asyncio.run(main())
