from .base import Item
from ..errors import OutOfStock

TAX = 0.2


class Book(Item):
    def __init__(self, name: str, price: float, stock: int, author: str):
        super().__init__(name, price, stock)
        self.author = author

    def kind(self) -> str:
        return "book"

    def describe(self) -> str:
        return f"{self.name} by {self.author} at {self.price:.2f}"


class Gadget(Item):
    def __init__(self, name: str, price: float, stock: int):
        super().__init__(name, price, stock)

    def kind(self) -> str:
        return "gadget"

    def take(self, n: int) -> None:
        if n > self.stock:
            raise OutOfStock(f"only {self.stock} of {self.name}")
        self.stock -= n
