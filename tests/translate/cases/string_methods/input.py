def main() -> None:
    text = "  The quick brown fox jumps over the lazy dog  "
    words = text.split()
    print(len(words), words[0], words[-1])
    print(text.strip().upper())
    print(text.strip().lower().replace("the", "a"))
    print("-".join(words[:3]))
    print(text.count("o"), text.find("fox"), text.find("cat"))
    print("fox" in text, "cat" not in text)
    print(text.strip().startswith("The"), text.strip().endswith("cat"))
    csv = "a,b,,c"
    print(csv.split(","))
    print("42".isdigit(), "4x".isdigit(), "7".zfill(3))
    name = "ada"
    print(name[0].upper() + name[1:], name[-1], name[1:2])
    print("ab" * 3, "=" * 10)


main()
