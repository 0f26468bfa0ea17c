def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def main() -> None:
    counts = count_words("the cat and the hat and the bat")
    print(counts)
    for word, n in sorted(counts.items()):
        print(f"{word}: {n}")
    top = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[0]
    print("most common:", top)
    print("cat" in counts, counts.get("dog", 0), len(counts))
    keys = list(counts.keys())
    print(keys)
    print(sum(counts.values()))
    removed = counts.pop("bat")
    print(removed, counts)


main()
