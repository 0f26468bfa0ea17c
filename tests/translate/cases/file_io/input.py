import asyncio


async def save(path: str, lines: list[str]) -> None:
    open(path, "w").write("\n".join(lines))


async def load(path: str) -> list[str]:
    text = open(path).read()
    return text.split("\n")


async def main() -> None:
    await save("notes.txt", ["first", "second", "third"])
    lines = await load("notes.txt")
    print(len(lines), "lines")
    for i, line in enumerate(lines, 1):
        print(f"{i}: {line.upper()}")


asyncio.run(main())
