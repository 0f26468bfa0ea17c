import asyncio


async def fetch_user(uid):
    await asyncio.sleep(0.02)
    return f"user-{uid}"


async def fetch_score(uid):
    await asyncio.sleep(0.01)
    return uid * 7


async def fetch_tags(uid):
    await asyncio.sleep(0.015)
    return ["new", "active"] if uid % 2 else ["old"]


async def log_visit(uid):
    await asyncio.sleep(0.005)
    print("visit logged for", uid)


async def main():
    name, score = await asyncio.gather(fetch_user(3), fetch_score(3))
    print(name, score)
    results = await asyncio.gather(fetch_user(4), fetch_score(4), fetch_tags(4))
    print("name:", results[0])
    print("score:", results[1])
    print("tags:", ", ".join(results[2]))
    _, tags = await asyncio.gather(log_visit(5), fetch_tags(5))
    print(len(tags), tags[0])
    task = asyncio.create_task(fetch_score(6))
    user, points = await asyncio.gather(fetch_user(6), task)
    print(f"{user} has {points} points")


asyncio.run(main())
