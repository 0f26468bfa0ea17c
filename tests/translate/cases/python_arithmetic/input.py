def main() -> None:
    print(7 // 2, -7 // 2, 7 // -2)
    print(7 % 3, -7 % 3, 7 % -3)
    print(7.5 // 2, -7.5 % 2)
    print(2 ** 10, 2.0 ** 0.5, 10 ** 0)
    print(7 / 2, 6 / 3, 1 / 3)
    print(round(2.5), round(3.5), round(-2.5), round(2.675, 2))
    print(abs(-4), abs(-2.5), min(3, 8), max(2.5, 1.0))
    x = 10
    x //= 3
    print(x)
    x **= 3
    print(x)
    x %= 7
    print(x)
    total = 0
    for i in range(1, 11):
        total += i
    print(total, total / 4, int(total / 4), float(total))
    print(int("42") + 1, float("2.5") * 2, str(12) + "!")


main()
