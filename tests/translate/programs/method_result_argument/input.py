import asyncio


class Stock:
    def __init__(self, name, quantity, price):
        self.name = name
        self.quantity = quantity
        self.price = price

    def value(self):
        return self.quantity * self.price


def line(name, amount):
    return f"{name:<8}{amount:>8.2f}"


async def summarize(stocks, title):
    print(title)
    for s in stocks:
        print(line(s.name, s.value()))
    return 0


async def main():
    stocks = [Stock("apples", 10, 0.5), Stock("pears", 4, 0.75)]
    first = await summarize(stocks, "before")
    stocks[0].quantity += 5
    print(first, line("total", sum(s.value() for s in stocks)))


asyncio.run(main())
