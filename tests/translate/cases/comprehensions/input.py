def main() -> None:
    numbers = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    squares = [n * n for n in numbers]
    evens = [n for n in numbers if n % 2 == 0]
    unique = {n for n in numbers}
    lengths = {word: len(word) for word in ["alpha", "be", "gamma"]}
    big = {k: v for k, v in lengths.items() if v > 2}
    print(squares)
    print(evens)
    print(sorted(unique))
    print(lengths)
    print(big)
    print(sum(n for n in numbers if n > 4))
    print(any(n > 8 for n in numbers), all(n > 0 for n in numbers))
    pairs = [(n, n * 2) for n in range(3)]
    print(pairs)
    words = ["kiwi", "fig", "banana"]
    print([w.upper() for w in words if len(w) > 3])


main()
