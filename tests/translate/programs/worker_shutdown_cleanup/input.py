import asyncio


class Worker:
    def __init__(self, name, queue):
        self.name = name
        self.queue = queue
        self.handled = 0

    async def run(self):
        try:
            while True:
                item = await self.queue.get()
                await asyncio.sleep(0.005)
                self.handled += 1
                self.queue.task_done()
        except asyncio.CancelledError:
            print(f"{self.name}: stopping after {self.handled} items")
            raise


async def heartbeat(interval):
    beats = 0
    try:
        while True:
            await asyncio.sleep(interval)
            beats += 1
    finally:
        print("heartbeat stopped")


async def main():
    queue = asyncio.Queue()
    for n in range(12):
        queue.put_nowait(n)
    workers = [Worker(f"w{i}", queue) for i in range(3)]
    tasks = [asyncio.create_task(w.run()) for w in workers]
    asyncio.create_task(heartbeat(0.003))
    await queue.join()
    total = sum(w.handled for w in workers)
    print("handled in all:", total)
    for t in tasks:
        t.cancel()
        await asyncio.sleep(0)
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    print("cancelled:", sum(1 for o in outcomes if isinstance(o, asyncio.CancelledError)))
    print("main returns")


asyncio.run(main())
