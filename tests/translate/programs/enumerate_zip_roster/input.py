import asyncio
from dataclasses import dataclass


@dataclass
class Employee:
    name: str
    team: str
    hours: int


async def fetch_hours(name: str, week: int) -> int:
    await asyncio.sleep(0.001)
    return (len(name) * 7 + week * week * 3) % 10 + 35


async def main() -> None:
    names: list[str] = ["Ana", "Bartholomew", "Chen", "Dmitri"]
    teams: list[str] = ["red", "blue", "red", "green"]
    hours = await asyncio.gather(*[fetch_hours(n, 1) for n in names])
    staff: list[Employee] = [Employee(n, t, h) for n, t, h in zip(names, teams, hours)]

    for idx, emp in enumerate(staff):
        print(f"{idx}: {emp.name:<12}{emp.team:<6}{emp.hours:>3}h")

    week2 = await asyncio.gather(*[fetch_hours(e.name, 2) for e in staff])
    for emp, h2 in zip(staff, week2):
        change = h2 - emp.hours
        sign = "+" if change >= 0 else ""
        print(f"{emp.name}: week1={emp.hours} week2={h2} ({sign}{change})")

    pairs = list(zip(names[::2], names[1::2]))
    print("buddy pairs:", pairs)

    per_team: dict[str, int] = {}
    for emp in staff:
        per_team[emp.team] = per_team.get(emp.team, 0) + emp.hours
    print("team hours:", per_team)

    labels = [f"{i + 1}-{n[0]}" for i, n in enumerate(reversed(names))]
    print("labels:", labels)
    print("longest name at index:", max(range(len(names)), key=lambda i: len(names[i])))


if __name__ == "__main__":
    asyncio.run(main())
