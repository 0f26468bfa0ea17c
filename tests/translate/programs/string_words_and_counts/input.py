import asyncio

async def shout(word):
    await asyncio.sleep(0.001)
    return word.upper()

async def main():
    words = "the quick brown fox".split()
    loud = await asyncio.gather(*(shout(w) for w in words))
    print(" ".join(loud))
    print("-".join(reversed(words)))
    text = "  padded text  "
    print(f"[{text.strip()}] [{text.lstrip()}] [{text.rstrip()}]")
    print("fox" in words, words.index("brown"), "quick".startswith("qu"), "a,b,,c".split(","))
    print(f"{3.14159:.3f} {42:05d} {'x':>4} {7:b} {255:x} {0.5:.0%} {1234567:,}")
    counts = {}
    for ch in "mississippi":
        counts[ch] = counts.get(ch, 0) + 1
    print(sorted(counts.items()))

asyncio.run(main())
