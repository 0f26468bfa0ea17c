"""Cancelling tasks: CancelledError reaches the task at its await, its cleanup
runs, and whoever awaits the task sees the cancellation."""
import asyncio


async def worker(name: str, started: asyncio.Event) -> int:
    print(f"{name}: started")
    started.set()
    try:
        await asyncio.sleep(10)
        print(f"{name}: not reached")
        return 1
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise
    finally:
        print(f"{name}: finally")


async def stubborn(started: asyncio.Event) -> str:
    started.set()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancellation")
    return "stubborn result"


async def guarded(started: asyncio.Event) -> None:
    started.set()
    try:
        await asyncio.sleep(10)
    except Exception:
        print("guarded: not reached, CancelledError is not an Exception")


async def nested_sleep(depth: int) -> None:
    if depth == 0:
        await asyncio.sleep(10)
        return
    try:
        await nested_sleep(depth - 1)
    finally:
        print(f"unwinding level {depth}")


async def consumer(queue: asyncio.Queue[int], results: list[int]) -> None:
    while True:
        item = await queue.get()
        results.append(item * 10)


async def slow_lookup(key: str) -> str:
    try:
        await asyncio.sleep(10)
        return key
    except asyncio.CancelledError:
        print(f"lookup {key}: cancelled by the timeout")
        raise


async def main() -> None:
    started = asyncio.Event()
    task = asyncio.create_task(worker("alpha", started))
    await started.wait()
    print("main: cancelling alpha")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: alpha was cancelled")
    print("cancelled:", task.cancelled(), "done:", task.done())
    print("cancel again:", task.cancel())

    started_stubborn = asyncio.Event()
    stubborn_task = asyncio.create_task(stubborn(started_stubborn))
    await started_stubborn.wait()
    stubborn_task.cancel()
    print("stubborn returned:", await stubborn_task)
    print("stubborn cancelled:", stubborn_task.cancelled())

    started_guarded = asyncio.Event()
    guarded_task = asyncio.create_task(guarded(started_guarded))
    await started_guarded.wait()
    guarded_task.cancel()
    try:
        await guarded_task
    except asyncio.CancelledError:
        print("guarded: cancelled through `except Exception`")

    nested = asyncio.create_task(nested_sleep(3))
    await asyncio.sleep(0)
    nested.cancel()
    try:
        await nested
    except asyncio.CancelledError:
        print("nested: cancelled")

    queue: asyncio.Queue[int] = asyncio.Queue()
    results: list[int] = []
    consumer_task = asyncio.create_task(consumer(queue, results))
    for i in range(5):
        await queue.put(i)
    while len(results) < 5:
        await asyncio.sleep(0.01)
    consumer_task.cancel()
    try:
        await consumer_task
    except asyncio.CancelledError:
        print("consumer stopped after", results)

    try:
        await asyncio.wait_for(slow_lookup("user:42"), timeout=0.05)
    except TimeoutError:
        print("main: lookup timed out")


asyncio.run(main())
