def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def first_prime_after(n: int) -> int:
    candidate = n + 1
    while True:
        is_prime = True
        for d in range(2, candidate):
            if d * d > candidate:
                break
            if candidate % d == 0:
                is_prime = False
                break
        if is_prime:
            return candidate
        candidate += 1


def main() -> None:
    print([collatz(n) for n in range(1, 11)])
    print(first_prime_after(100), first_prime_after(13))
    odd_sum = 0
    for i in range(20):
        if i % 2 == 0:
            continue
        if i > 15:
            break
        odd_sum += i
    print(odd_sum)
    countdown = 5
    while countdown > 0:
        print(countdown, end=" ")
        countdown -= 1
    print("liftoff")
    for i in range(10, 0, -3):
        print(i, end=",")
    print()


main()
