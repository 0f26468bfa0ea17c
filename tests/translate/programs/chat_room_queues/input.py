import asyncio


class Room:
    def __init__(self, name):
        self.name = name
        self.members = {}
        self.history = []

    def join(self, user):
        q = asyncio.Queue()
        self.members[user] = q
        return q

    def leave(self, user):
        self.members.pop(user, None)

    async def broadcast(self, sender, text):
        line = f"[{self.name}] {sender}: {text}"
        self.history.append(line)
        for user, q in self.members.items():
            if user != sender:
                await q.put(line)


async def client(room, user, messages, inbox_size):
    inbox = room.join(user)
    for m in messages:
        await room.broadcast(user, m)
        await asyncio.sleep(0.001)
    received = []
    while len(received) < inbox_size:
        received.append(await asyncio.wait_for(inbox.get(), timeout=1))
    room.leave(user)
    return user, received


async def main():
    room = Room("lobby")
    results = await asyncio.gather(
        client(room, "ann", ["hi", "bye"], 2),
        client(room, "bob", ["yo", "later"], 1),
    )
    for user, got in results:
        print(user, len(got))
    print(len(room.history), sorted(room.members))


asyncio.run(main())
