import asyncio


class Greeter:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay
        self.greeted = []

    async def greet(self, who):
        await asyncio.sleep(self.delay)
        message = f"{self.name} says hello to {who}"
        self.greeted.append(who)
        return message

    def summary(self):
        return f"{self.name} greeted {len(self.greeted)} people"


async def main():
    alice = Greeter("Alice", 0.01)
    bob = Greeter("Bob", 0.02)

    print(await alice.greet("Carol"))
    print(await bob.greet("Dave"))

    messages = await asyncio.gather(alice.greet("Eve"), bob.greet("Frank"), alice.greet("Grace"))
    for m in messages:
        print(m)

    print(alice.summary())
    print(bob.summary())
    print("Alice greeted:", sorted(alice.greeted))
    everyone = alice.greeted + bob.greeted
    print("everyone:", sorted(everyone))


asyncio.run(main())
