import asyncio


async def factorial(name, number, delay):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(delay)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f


async def main():
    # Distinct step delays keep the interleaving deterministic.
    L = await asyncio.gather(
        factorial("A", 2, 0.010),
        factorial("B", 3, 0.025),
        factorial("C", 4, 0.037),
    )
    print(L)
    total = 0
    for value in L:
        total += value
    print("sum of factorials:", total)
    biggest = max(L)
    print("largest:", biggest, "at index", L.index(biggest))


asyncio.run(main())
