import asyncio
from collections import Counter, defaultdict


async def tokenize(line):
    await asyncio.sleep(0.001)
    return line.lower().replace(",", "").replace(".", "").split()


async def main():
    lines = [
        "The cat sat on the mat.",
        "The dog sat on the log.",
        "A cat, a dog, and a frog.",
    ]
    token_lists = await asyncio.gather(*[tokenize(line) for line in lines])

    counts = {}
    for tokens in token_lists:
        for word in tokens:
            if word in counts:
                counts[word] += 1
            else:
                counts[word] = 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
    print("top words:", top)

    letters = Counter()
    for tokens in token_lists:
        for word in tokens:
            letters.update(word)
    print("most common letters:", letters.most_common(3))

    by_first = defaultdict(list)
    for tokens in token_lists:
        for word in tokens:
            if word not in by_first[word[0]]:
                by_first[word[0]].append(word)
    for letter in sorted(by_first):
        print(f"{letter}: {', '.join(by_first[letter])}")

    lengths = {}
    for word in counts:
        lengths.setdefault(len(word), []).append(word)
    print("length buckets:", {k: sorted(v) for k, v in sorted(lengths.items())})


if __name__ == "__main__":
    asyncio.run(main())
