import asyncio


async def measure(word):
    await asyncio.sleep(0.001)
    return len(word)


async def main():
    words = ["apple", "kiwi", "banana", "fig", "cherry", "plum"]
    lengths = await asyncio.gather(*[measure(w) for w in words])
    print("lengths:", lengths)

    by_word = {w: n for w, n in zip(words, lengths)}
    print("by word:", by_word)

    long_words = [w for w in words if by_word[w] > 4]
    print("long words:", long_words)

    squares = {n: n * n for n in set(lengths)}
    print("squares:", dict(sorted(squares.items())))

    grid = [[r * c for c in range(1, 4)] for r in range(1, 4)]
    print("grid:", grid)
    flat = [x for row in grid for x in row]
    print("flat:", flat)

    initials = sorted({w[0] for w in words})
    print("initials:", initials)

    nested = {w: [ch for ch in w if ch in "aeiou"] for w in words[:3]}
    print("vowels:", nested)


asyncio.run(main())
