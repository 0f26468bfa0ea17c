class Item:
    def __init__(self, name: str, price: float, stock: int):
        self.name = name
        self.price = price
        self.stock = stock

    def describe(self) -> str:
        return f"{self.name} at {self.price:.2f}"

    def kind(self) -> str:
        return "item"
