import asyncio


class RpcClient:
    def __init__(self):
        self.pending = {}
        self.next_id = 0
        self.inbox = asyncio.Queue()

    def request(self, payload):
        loop = asyncio.get_running_loop()
        self.next_id += 1
        fut = loop.create_future()
        self.pending[self.next_id] = fut
        self.inbox.put_nowait((self.next_id, payload))
        return fut

    async def serve(self):
        while True:
            req_id, payload = await self.inbox.get()
            fut = self.pending.pop(req_id)
            await asyncio.sleep(0.01)
            if fut.cancelled():
                print("skip cancelled request", req_id)
            elif payload < 0:
                fut.set_exception(ValueError(f"negative: {payload}"))
            else:
                fut.set_result(payload * 10)
            self.inbox.task_done()


async def main():
    client = RpcClient()
    server = asyncio.create_task(client.serve())
    a = client.request(1)
    b = client.request(-2)
    c = client.request(3)
    print("a done?", a.done())
    print("a =", await a)
    try:
        await b
    except ValueError as e:
        print("b failed:", e)
    print("c =", await c, c.done(), c.result())
    d = client.request(4)
    d.cancel()
    print("d cancelled:", d.cancelled())
    await client.inbox.join()
    server.cancel()
    try:
        await server
    except asyncio.CancelledError:
        print("server stopped")


asyncio.run(main())
