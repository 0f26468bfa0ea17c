import asyncio
from dataclasses import dataclass, field


@dataclass
class OrderLine:
    sku: str
    quantity: int
    unit_price: float


@dataclass
class Order:
    order_id: int
    customer: str
    lines: list[OrderLine] = field(default_factory=list)
    status: str = "new"

    @property
    def total(self) -> float:
        return sum(line.quantity * line.unit_price for line in self.lines)


class OrderProcessor:
    def __init__(self, max_total: float) -> None:
        self.max_total = max_total
        self.processed: list[int] = []
        self.rejected: list[int] = []

    async def validate(self, order: Order) -> bool:
        await asyncio.sleep(0.002)
        return len(order.lines) > 0 and order.total <= self.max_total

    async def process(self, order: Order) -> Order:
        if await self.validate(order):
            await asyncio.sleep(0.003)
            order.status = "shipped"
            self.processed.append(order.order_id)
        else:
            order.status = "rejected"
            self.rejected.append(order.order_id)
        return order


async def main() -> None:
    orders: list[Order] = [
        Order(1, "ann", [OrderLine("pen", 3, 1.5), OrderLine("pad", 1, 4.25)]),
        Order(2, "bob", []),
        Order(3, "cy", [OrderLine("desk", 1, 250.0)]),
        Order(4, "di", [OrderLine("lamp", 2, 19.99)]),
    ]
    processor = OrderProcessor(max_total=100.0)
    done = await asyncio.gather(*(processor.process(o) for o in orders))
    for order in done:
        print(f"order {order.order_id} ({order.customer}): {order.status:<8} total={order.total:.2f}")
    print("processed:", sorted(processor.processed))
    print("rejected:", sorted(processor.rejected))
    revenue: float = sum(o.total for o in done if o.status == "shipped")
    print(f"revenue: {revenue:.2f}")
    print(orders[0])


asyncio.run(main())
