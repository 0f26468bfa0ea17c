import asyncio
from collections import Counter

DOCS = {
    "a.txt": "the quick brown fox jumps over the lazy dog",
    "b.txt": "the dog barks and the fox runs",
    "c.txt": "a quick test of the counter",
}


async def read_doc(name):
    await asyncio.sleep(0.001 * len(name))
    return DOCS[name]


async def main():
    texts = await asyncio.gather(*[read_doc(n) for n in sorted(DOCS)])
    words = Counter()
    for text in texts:
        words.update(text.split())
    print("top 3:", words.most_common(3))
    print("fox:", words["fox"], "cat:", words["cat"], "distinct:", len(words))
    letters = Counter("mississippi")
    print(letters)
    print(letters.most_common(2), letters.total())
    lengths = Counter(len(w) for w in texts[0].split())
    for size, count in sorted(lengths.items()):
        print(f"{size} letters: {count}")
    tally = Counter()
    for word in ["x", "y", "x", "z", "x", "y"]:
        tally[word] += 1
    print(tally, tally["missing"], "missing" in tally)
    print(sum(tally.values()), max(tally, key=lambda w: tally[w]))


asyncio.run(main())
