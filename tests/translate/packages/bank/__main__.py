import asyncio

from bank.accounts import Account, Savings
from bank.errors import BankError, InsufficientFunds
from bank.ledger import entries


async def attempt(account: Account, amount: float) -> str:
    try:
        left = await account.withdraw(amount)
        return f"{account.owner}: ok, {left:.2f} left"
    except InsufficientFunds as e:
        return f"{account.owner}: refused, {e}"
    except BankError:
        return "other error"


async def main():
    alice = Account("alice", 50.0)
    bob = Savings("bob", 100.0, 0.02)
    results = await asyncio.gather(attempt(alice, 20.0), attempt(alice, 40.0), attempt(bob, 60.0))
    for r in results:
        print(r)
    print(f"bob's interest: {bob.interest():.2f}")
    for e in entries:
        print(e)


asyncio.run(main())
