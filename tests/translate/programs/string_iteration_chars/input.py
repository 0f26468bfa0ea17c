import asyncio

async def main():
    word = "mississippi"
    counts = {}
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
    print(sorted(counts.items()))
    print(list("abc"), sorted("cab"), [c.upper() for c in "xyz"])
    print("".join(reversed("stressed")))
    await asyncio.sleep(0)

asyncio.run(main())
