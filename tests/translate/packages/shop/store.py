import asyncio

from shop import models
from shop.errors import ShopError
from shop.models.products import TAX


class Store:
    def __init__(self):
        self.items: list[models.Item] = []

    def add(self, item: models.Item) -> None:
        self.items.append(item)

    async def order(self, gadget: models.Gadget, n: int) -> float:
        await asyncio.sleep(0.01)
        try:
            gadget.take(n)
        except ShopError as e:
            print("refused:", e)
            return 0.0
        return n * gadget.price * (1 + TAX)
