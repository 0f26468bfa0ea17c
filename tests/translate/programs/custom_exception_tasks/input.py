import asyncio


class AppError(Exception):
    pass


class NotFoundError(AppError):
    def __init__(self, key):
        super().__init__(f"key not found: {key}")
        self.key = key


class PermissionDenied(AppError):
    pass


DATA = {"a": 1, "b": 2}


async def lookup(key, user):
    await asyncio.sleep(0.001)
    if user != "admin" and key.startswith("_"):
        raise PermissionDenied(f"{user} may not read {key}")
    if key not in DATA:
        raise NotFoundError(key)
    return DATA[key]


async def main():
    for key, user in [("a", "bob"), ("zz", "bob"), ("_secret", "bob")]:
        try:
            value = await lookup(key, user)
            print(f"{key} -> {value}")
        except NotFoundError as e:
            print("not found:", e.key, "|", e)
        except AppError as e:
            print(f"app error ({type(e).__name__}): {e}")

    results = await asyncio.gather(
        lookup("b", "admin"), lookup("q", "admin"), lookup("_x", "eve"), return_exceptions=True
    )
    for r in results:
        if isinstance(r, Exception):
            print("gathered error:", type(r).__name__, isinstance(r, AppError))
        else:
            print("gathered value:", r)

    task = asyncio.create_task(lookup("missing", "admin"))
    try:
        await task
    except AppError as e:
        print("task failed:", e)
    print("task done:", task.done(), "has exception:", task.exception() is not None)


asyncio.run(main())
