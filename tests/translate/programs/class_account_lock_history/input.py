import asyncio

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.lock = asyncio.Lock()

    async def deposit(self, amount):
        async with self.lock:
            await asyncio.sleep(0.001)
            self.balance += amount
            self.history.append(("deposit", amount))

    def summary(self):
        return f"{self.owner}: {self.balance} after {len(self.history)} operations"

async def main():
    acct = Account("ann", 10)
    await asyncio.gather(*(acct.deposit(x) for x in [5, 10, 20]))
    print(acct.summary())
    for kind, amount in acct.history:
        print(kind, amount)

asyncio.run(main())
