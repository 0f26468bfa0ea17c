import asyncio


class BankAccount:
    """An account whose operations take time."""

    def __init__(self, owner: str, balance: float = 0.0) -> None:
        self.owner = owner
        self._balance = balance
        self._lock = asyncio.Lock()

    @property
    def balance(self) -> float:
        return self._balance

    async def deposit(self, amount: float) -> None:
        async with self._lock:
            current = self._balance
            await asyncio.sleep(0.001)
            self._balance = current + amount

    async def withdraw(self, amount: float) -> bool:
        async with self._lock:
            if amount > self._balance:
                return False
            await asyncio.sleep(0.001)
            self._balance -= amount
            return True

    def __str__(self) -> str:
        return f"{self.owner}: {self._balance:.2f}"


async def main() -> None:
    account = BankAccount("alice", 100.0)
    await asyncio.gather(*[account.deposit(10.0) for _ in range(5)])
    print(account)
    ok = await account.withdraw(500.0)
    print("withdraw 500:", ok)
    ok = await account.withdraw(25.5)
    print("withdraw 25.5:", ok)
    print("balance:", account.balance)


asyncio.run(main())
