import asyncio


async def main():
    words = ["Banana", "apple", "Cherry", "date"]
    print(sorted(words, key=str.lower))
    print(sorted(words, key=len), max(words, key=len))
    scores = {"ann": 3, "bob": 7, "cy": 5}
    print(max(scores, key=scores.get), min(scores, key=scores.get))
    print(sorted(scores, key=scores.get, reverse=True))
    print(sorted([-3, 1, -2], key=abs))


asyncio.run(main())
