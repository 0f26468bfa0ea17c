import asyncio

import shop.models as m
from .store import Store


async def main():
    store = Store()
    store.add(m.Book("Dune", 9.5, 3, "Herbert"))
    phone = m.Gadget("phone", 100.0, 2)
    store.add(phone)
    for item in store.items:
        print(item.kind(), "-", item.describe())
    totals = await asyncio.gather(store.order(phone, 1), store.order(phone, 5))
    for t in totals:
        print(f"total {t:.2f}")
    print("left:", phone.stock)


asyncio.run(main())
