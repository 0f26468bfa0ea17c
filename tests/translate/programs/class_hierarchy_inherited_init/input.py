import asyncio


class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound

    async def speak(self):
        await asyncio.sleep(0)
        return f"{self.name} says {self.sound}"


class Dog(Animal):
    async def fetch(self):
        await asyncio.sleep(0)
        return f"{self.name} fetches"


class Puppy(Dog):
    async def speak(self):
        await asyncio.sleep(0)
        return f"{self.name} yips"


class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, "meow")


async def main():
    pets = [Dog("rex", "woof"), Puppy("bit"), Animal("cow", "moo"), Cat("tom")]
    for p in pets:
        print(await p.speak())
    print(await Puppy("tiny", "yip").fetch())


asyncio.run(main())
