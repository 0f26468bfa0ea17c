import asyncio
from dataclasses import dataclass


@dataclass(order=True)
class Score:
    points: int
    player: str


async def fetch_score(player, points):
    await asyncio.sleep(0.001 * points)
    return Score(points, player)


async def main():
    scores = await asyncio.gather(
        fetch_score("ann", 7),
        fetch_score("bob", 3),
        fetch_score("cat", 7),
        fetch_score("dan", 5),
    )
    ranking = sorted(scores, reverse=True)
    for place, s in enumerate(ranking, 1):
        print(place, s.player, s.points)
    print("lowest:", min(scores))
    print("highest:", max(scores))
    print("ann beats bob:", scores[1] < scores[0])
    print("cat >= ann:", scores[2] >= scores[0])
    scores.sort()
    print([s.player for s in scores])
    by_name = sorted(scores, key=lambda s: s.player)
    print(by_name[0])


asyncio.run(main())
