import asyncio
import random


async def roll(player, rounds):
    total = 0
    for _ in range(rounds):
        await asyncio.sleep(0)
        total += random.randint(1, 6)
    return player, total


async def main():
    random.seed(2024)
    players = ["ann", "bob", "cid"]
    results = await asyncio.gather(*(roll(p, 5) for p in players))
    for player, total in results:
        print(f"{player}: {total}")
    deck = list(range(10))
    random.shuffle(deck)
    print("deck:", deck)
    print("pick:", random.choice(players))
    print("delay:", round(random.uniform(0.1, 0.5), 3))
    print(f"two rolls: {random.randint(1, 6)} then {random.randint(1, 6)}")
    print("coin:", random.random() < 0.5, random.randrange(100), random.randrange(5, 10))


asyncio.run(main())
