import asyncio


class Resource:
    def __init__(self, name):
        self.name = name
        self.open = False

    async def acquire(self):
        await asyncio.sleep(0.001)
        self.open = True
        print(f"{self.name}: opened")

    async def release(self):
        await asyncio.sleep(0.001)
        self.open = False
        print(f"{self.name}: closed")


async def use(resource, value):
    await resource.acquire()
    try:
        if value < 0:
            raise ValueError(f"negative value {value}")
        result = 100 // value
        print(f"{resource.name}: result {result}")
        return result
    except ZeroDivisionError:
        print(f"{resource.name}: division by zero")
        return None
    finally:
        await resource.release()


async def main():
    outcomes = []
    for i, value in enumerate([5, 0, -3, 7]):
        r = Resource(f"res{i}")
        try:
            outcomes.append(await use(r, value))
        except ValueError as exc:
            print("caught:", exc)
            outcomes.append("error")
        else:
            print(f"res{i}: no exception escaped")
        print(f"res{i} open after use: {r.open}")
    print("outcomes:", outcomes)


if __name__ == "__main__":
    asyncio.run(main())
