import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def count_words(delay, text):
    await asyncio.sleep(delay)
    words = text.split()
    return len(words)


async def main():
    print("started sequential")
    await say_after(0.02, "hello")
    await say_after(0.01, "world")

    print("started concurrent")
    task1 = asyncio.create_task(say_after(0.03, "first scheduled, printed last"))
    task2 = asyncio.create_task(say_after(0.01, "second scheduled, printed first"))
    await task1
    await task2

    t = asyncio.create_task(count_words(0.01, "the quick brown fox jumps"))
    n = await t
    print("word count:", n)
    print("task done:", t.done())
    print("finished")


asyncio.run(main())
