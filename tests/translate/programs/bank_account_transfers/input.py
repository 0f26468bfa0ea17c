import asyncio


class InsufficientFunds(Exception):
    pass


class BankAccount:
    def __init__(self, owner: str, balance: int = 0) -> None:
        self.owner = owner
        self.balance: int = balance
        self.lock = asyncio.Lock()
        self.transactions: list[int] = []

    async def deposit(self, amount: int) -> None:
        async with self.lock:
            current = self.balance
            await asyncio.sleep(0.001)
            self.balance = current + amount
            self.transactions.append(amount)

    async def withdraw(self, amount: int) -> None:
        async with self.lock:
            if amount > self.balance:
                raise InsufficientFunds(f"{self.owner} cannot withdraw {amount} (has {self.balance})")
            current = self.balance
            await asyncio.sleep(0.001)
            self.balance = current - amount
            self.transactions.append(-amount)


async def transfer(src: BankAccount, dst: BankAccount, amount: int) -> bool:
    try:
        await src.withdraw(amount)
    except InsufficientFunds as exc:
        print("transfer failed:", exc)
        return False
    await dst.deposit(amount)
    return True


async def main() -> None:
    alice = BankAccount("alice", 100)
    bob = BankAccount("bob")
    await asyncio.gather(*[alice.deposit(10) for _ in range(5)])
    print("alice after deposits:", alice.balance)

    ok1 = await transfer(alice, bob, 120)
    ok2 = await transfer(bob, alice, 500)
    ok3 = await transfer(bob, alice, 20)
    print("results:", [ok1, ok2, ok3])
    for account in (alice, bob):
        print(f"{account.owner:>6}: balance={account.balance:>4} transactions={account.transactions}")
    print("total money:", alice.balance + bob.balance)


asyncio.run(main())
