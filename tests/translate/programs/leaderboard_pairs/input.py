import asyncio


class Leaderboard:
    def __init__(self) -> None:
        self.entries: list[tuple[str, int]] = []

    async def submit(self, player: str, points: int) -> None:
        await asyncio.sleep(0.001)
        self.entries.append((player, points))

    def totals(self) -> list[tuple[str, int]]:
        sums: dict[str, int] = {}
        for player, points in self.entries:
            sums[player] = sums.get(player, 0) + points
        return sorted(sums.items(), key=lambda item: (-item[1], item[0]))

    def top(self, n: int) -> list[tuple[str, int]]:
        return self.totals()[:n]


async def play_round(board: Leaderboard, round_no: int, scores: list[tuple[str, int]]) -> int:
    for player, points in scores:
        await board.submit(player, points * round_no)
    return len(scores)


async def main() -> None:
    board = Leaderboard()
    rounds: list[list[tuple[str, int]]] = [
        [("kim", 5), ("lou", 3), ("max", 4)],
        [("lou", 6), ("max", 2)],
        [("kim", 1), ("max", 3), ("ned", 9)],
    ]
    counts = []
    for i, scores in enumerate(rounds, start=1):
        counts.append(await play_round(board, i, scores))
    print("submissions per round:", counts)

    for place, (player, total) in enumerate(board.totals(), start=1):
        print(f"#{place} {player:<4}{total:>4}")

    winner, winning_score = board.top(1)[0]
    print(f"winner: {winner} with {winning_score}")
    names = [p for p, _ in board.top(2)]
    print("podium:", names)
    biggest: tuple[str, int] = max(board.entries, key=lambda e: e[1])
    print("biggest single score:", biggest)


asyncio.run(main())
