from typing import Optional


def grade(score: int) -> str:
    if 90 <= score <= 100:
        return "A"
    elif 80 <= score < 90:
        return "B"
    elif score >= 0 and score < 80:
        return "C"
    return "invalid"


def describe(name: Optional[str]) -> str:
    label = name or "anonymous"
    if name is None:
        return f"no name, using {label}"
    return f"name is {label}"


def main() -> None:
    for s in [95, 85, 42, 120, -1]:
        print(s, grade(s))
    print(describe(None), "|", describe("ada"))
    items: list[int] = []
    print("empty" if not items else "full")
    items.append(3)
    print("empty" if not items else "full")
    x = 5
    print(x > 3 and x < 10, x < 3 or x == 5, not x == 5)
    print(1 < x < 10, 10 < x < 20)
    flag = x % 2 == 1
    print(flag, not flag)


main()
