import asyncio


async def probe(port):
    await asyncio.sleep(0.001)
    return port % 7 == 0


async def find_open(ports):
    for port in ports:
        if await probe(port):
            print("open:", port)
            break
    else:
        print("no open port in", ports)
        return -1
    return port


async def drain(queue):
    attempts = 0
    while attempts < 3:
        attempts += 1
        if queue.empty():
            await asyncio.sleep(0.001)
            continue
        item = queue.get_nowait()
        if item == "stop":
            print("stopped after", attempts)
            break
        print("item", item)
    else:
        print("gave up after", attempts, "attempts")


async def main():
    print(await find_open([3, 5, 14, 21]))
    print(await find_open([1, 2]))
    q = asyncio.Queue()
    await drain(q)
    for x in ["a", "stop", "b"]:
        q.put_nowait(x)
    await drain(q)
    for n in range(3):
        pass
    else:
        print("range done at", n)
    nums = list(range(10))
    print(nums[::2], nums[1::3], nums[::-1], nums[8:2:-2], nums[-3::-1])
    word = "asyncio"
    print(word[::-1], word[1:6:2], word[:3])
    stock = {"apple": 3, "pear": 0, "fig": 5}
    del stock["pear"]
    print(stock)
    queue_items = [10, 20, 30, 40]
    del queue_items[0], queue_items[-1]
    print(queue_items)
    try:
        del stock["kiwi"]
    except KeyError as e:
        print("missing:", e)


asyncio.run(main())
