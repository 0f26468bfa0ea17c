import asyncio


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def withdraw(self, amount, who):
        await self.lock.acquire()
        try:
            if self.balance < amount:
                print(who, "declined, balance", self.balance)
                return False
            await asyncio.sleep(0.001)
            self.balance -= amount
            print(who, "took", amount, "left", self.balance)
            return True
        finally:
            self.lock.release()


async def limited(sem, n, done):
    await sem.acquire()
    try:
        await asyncio.sleep(0.002)
        done.append(n)
    finally:
        sem.release()


async def pulse(event, rounds):
    for i in range(rounds):
        await asyncio.sleep(0.002)
        print("pulse", i)
        event.set()
        await asyncio.sleep(0)
        event.clear()


async def listener(event, rounds):
    heard = 0
    while heard < rounds:
        await event.wait()
        heard += 1
        print("heard", heard)
        while event.is_set():
            await asyncio.sleep(0)
    return heard


async def main():
    account = Account(100)
    results = await asyncio.gather(account.withdraw(60, "a"), account.withdraw(30, "b"), account.withdraw(20, "c"))
    print(results, account.balance, account.lock.locked())
    sem = asyncio.Semaphore(2)
    done = []
    await asyncio.gather(*[limited(sem, n, done) for n in range(5)])
    print(sorted(done), sem.locked())
    event = asyncio.Event()
    _, heard = await asyncio.gather(pulse(event, 3), listener(event, 3))
    print("listener heard", heard, "set:", event.is_set())
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("release error:", e)


asyncio.run(main())
