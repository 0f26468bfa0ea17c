class Stock:
    def __init__(self, name, quantity, price):
        self.name = name
        self.quantity = quantity
        self.price = price

    def value(self):
        return self.quantity * self.price

    def restock(self, amount):
        self.quantity += amount
        return self.quantity
