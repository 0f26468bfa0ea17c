import asyncio


class Registry:
    def __init__(self):
        self.handlers = {}
        self.tags = {}

    def register(self, event, name):
        self.handlers.setdefault(event, []).append(name)

    def tag(self, name, label):
        self.tags.setdefault(name, set()).add(label)

    def names(self, event):
        return self.handlers.get(event, [])


async def dispatch(registry, event, queue):
    for name in registry.names(event):
        await queue.put((event, name))
        await asyncio.sleep(0.001)


async def main():
    registry = Registry()
    registry.register("start", "logger")
    registry.register("start", "metrics")
    registry.register("stop", "logger")
    registry.tag("logger", "io")
    registry.tag("logger", "core")
    queue = asyncio.Queue()
    await asyncio.gather(dispatch(registry, "start", queue), dispatch(registry, "stop", queue),
                         dispatch(registry, "missing", queue))
    events = []
    while not queue.empty():
        events.append(await queue.get())
    for event, name in sorted(events):
        print(event, name)
    print("unknown:", registry.names("missing"))
    print("tags:", sorted(registry.tags["logger"]))
    groups = {}
    for event, name in events:
        groups.setdefault(name, []).append(event)
    print({k: sorted(v) for k, v in sorted(groups.items())})


asyncio.run(main())
