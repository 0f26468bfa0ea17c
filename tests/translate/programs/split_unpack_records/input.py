import asyncio

LINES = [
    "ann,34,oslo",
    "bob,27,lima",
    "broken line",
    "cy,41,kyiv,extra",
]


async def parse(line):
    await asyncio.sleep(0)
    name, age, city = line.split(",")
    return name, int(age), city


async def main():
    people = []
    for line in LINES:
        try:
            people.append(await parse(line))
        except ValueError as e:
            print(f"skipped {line!r}: {e}")
    for name, age, city in people:
        print(f"{name:>4} {age:3d} {city}")
    host, port = "example.org:8080".split(":")
    print(host, int(port) + 1)
    first, second = sorted([p[1] for p in people])
    print("ages", first, second)
    key, value = "retries=3".split("=", 1)
    print(key.upper(), value)


asyncio.run(main())
