import asyncio
from typing import Optional


class UserDirectory:
    def __init__(self) -> None:
        self.ages: dict[str, int] = {"ann": 34, "bob": 27, "cy": 41}
        self.managers: dict[str, str] = {"bob": "ann", "cy": "ann"}

    async def find_age(self, name: str) -> Optional[int]:
        await asyncio.sleep(0.001)
        return self.ages.get(name)

    async def manager_of(self, name: str) -> Optional[str]:
        await asyncio.sleep(0.001)
        if name in self.managers:
            return self.managers[name]
        return None


def describe(name: str, age: Optional[int]) -> str:
    if age is None:
        return f"{name}: unknown age"
    decade = age // 10 * 10
    return f"{name}: {age} (in their {decade}s)"


async def main() -> None:
    directory = UserDirectory()
    names = ["ann", "dan", "bob", "cy"]
    ages = await asyncio.gather(*[directory.find_age(n) for n in names])
    for name, age in zip(names, ages):
        print(describe(name, age))

    known: list[int] = [a for a in ages if a is not None]
    print("known ages:", known, "average:", sum(known) // len(known))

    for name in ["bob", "ann"]:
        boss = await directory.manager_of(name)
        if boss is None:
            print(f"{name} has no manager")
            continue
        boss_age = await directory.find_age(boss)
        if boss_age is not None and boss_age > 30:
            print(f"{name} reports to {boss}, who is over 30")

    oldest: Optional[str] = None
    best = -1
    for name, age in zip(names, ages):
        if age is not None and age > best:
            best = age
            oldest = name
    print("oldest:", oldest if oldest is not None else "nobody")


if __name__ == "__main__":
    asyncio.run(main())
