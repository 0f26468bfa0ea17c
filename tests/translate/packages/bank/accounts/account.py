import asyncio

from bank.errors import InsufficientFunds
from bank import ledger


class Account:
    def __init__(self, owner: str, balance: float):
        self.owner = owner
        self.balance = balance
        self.lock = asyncio.Lock()

    def fee(self) -> float:
        return ledger.BASE_FEE

    async def withdraw(self, amount: float) -> float:
        async with self.lock:
            await asyncio.sleep(0.01)
            cost = amount + self.fee()
            if cost > self.balance:
                raise InsufficientFunds(cost - self.balance)
            self.balance -= cost
            ledger.record(f"{self.owner} withdrew", amount)
            return self.balance
