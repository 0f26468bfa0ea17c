import asyncio


async def grade(student, answers, key):
    await asyncio.sleep(0.001)
    score = 0
    for given, expected in zip(answers, key):
        if given == expected:
            score += 1
    return student, score


async def main():
    key = "abcdabcd"
    submissions = {
        "maria": "abcdabcd",
        "tom": "abccabcd",
        "lee": "bbcdaacd",
        "ann": "abcdabca",
        "zoe": "dddddddd",
    }
    results = await asyncio.gather(*[grade(s, a, key) for s, a in submissions.items()])

    by_score = sorted(results, key=lambda r: r[1], reverse=True)
    print("by score:", by_score)

    by_score_then_name = sorted(results, key=lambda r: (-r[1], r[0]))
    for rank, (name, score) in enumerate(by_score_then_name, start=1):
        print(f"{rank}. {name:<6} {score}/{len(key)}")

    by_name_length = sorted(submissions, key=lambda name: (len(name), name))
    print("by name length:", by_name_length)

    best = max(results, key=lambda r: r[1])
    worst = min(results, key=lambda r: r[1])
    print("best:", best[0], "worst:", worst[0])

    passed = [name for name, score in results if score >= 6]
    print("passed:", sorted(passed, key=str.upper))


asyncio.run(main())
