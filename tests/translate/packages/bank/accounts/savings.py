from .account import Account


class Savings(Account):
    def __init__(self, owner: str, balance: float, rate: float):
        super().__init__(owner, balance)
        self.rate = rate

    def fee(self) -> float:
        return 0.0

    def interest(self) -> float:
        return self.balance * self.rate
