import asyncio


def line(name, amount: float):
    return f"{name:<8}{amount:>8.2f}"


async def total_value(stocks):
    total = 0.0
    for s in stocks:
        await asyncio.sleep(0)
        total += s.value()
    return total


async def summarize(stocks, title):
    print(title)
    for s in stocks:
        print(line(s.name, s.value()))
    total = await total_value(stocks)
    print(line("total", total))
    return total
