import asyncio


async def download(name, sem, stats):
    async with sem:
        stats["active"] += 1
        if stats["active"] > stats["peak"]:
            stats["peak"] = stats["active"]
        await asyncio.sleep(0.01)
        stats["active"] -= 1
        stats["done"].append(name)
        return len(name)


async def main():
    sem = asyncio.Semaphore(2)
    stats = {"active": 0, "peak": 0, "done": []}
    names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    sizes = await asyncio.gather(*[download(n, sem, stats) for n in names])
    print("sizes:", sizes)
    print("peak concurrency:", stats["peak"])
    print("completed:", len(stats["done"]))
    print("all names done:", sorted(stats["done"]) == sorted(names))

    sem3 = asyncio.Semaphore(3)
    stats3 = {"active": 0, "peak": 0, "done": []}
    await asyncio.gather(*[download(n, sem3, stats3) for n in names])
    print("peak with 3 slots:", stats3["peak"])
    print("semaphore free again:", not sem3.locked())


if __name__ == "__main__":
    asyncio.run(main())
