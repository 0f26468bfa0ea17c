import asyncio

from inventory.report import summarize
from inventory.stock import Stock


async def main():
    stocks = [Stock("apples", 10, 0.5), Stock("pears", 4, 0.75)]
    first = await summarize(stocks, "before")
    stocks[1].restock(6)
    second = await summarize(stocks, "after")
    print("grew by", second - first)


asyncio.run(main())
