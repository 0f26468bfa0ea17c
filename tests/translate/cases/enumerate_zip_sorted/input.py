from dataclasses import dataclass


@dataclass
class Player:
    name: str
    score: int


def main() -> None:
    names = ["cleo", "ada", "bob"]
    scores = [72, 95, 88]
    players = [Player(n, s) for n, s in zip(names, scores)]
    for rank, p in enumerate(sorted(players, key=lambda p: p.score, reverse=True), start=1):
        print(f"{rank}. {p.name:<5} {p.score:>3}")
    print(sorted(names))
    print(sorted(scores, reverse=True))
    print(list(reversed(names)))
    for i, (n, s) in enumerate(zip(names, scores)):
        print(i, n, s)
    by_name = {p.name: p.score for p in players}
    print(by_name)
    print(players[0])


main()
