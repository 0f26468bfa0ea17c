def main() -> None:
    print(True, False, None)
    print(0.1, 1.0, 1e-05, 1e16, 123456789.0, 0.1 + 0.2, -0.0, 2.5e-10)
    print([1, 2, 3], [], ["a", "b"], [1.5, 2.0])
    print({"a": 1, "b": 2}, {})
    print(("x", 1), (1.0, True))
    print("it's", 'say "hi"', ["it's"])
    print(1, 2, 3, sep=", ")
    print("no newline", end="")
    print(" -- continued")
    print("a", "b", sep="")
    print()
    nested = {"k": [1, 2], "m": []}
    print(nested)
    print(repr("text"), str(3.0), len("hello"))


main()
