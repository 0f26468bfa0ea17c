import math


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, radius: float) -> None:
        super().__init__("circle")
        self.radius = radius

    def area(self) -> float:
        return math.pi * self.radius ** 2


class Square(Shape):
    def __init__(self, side: float) -> None:
        super().__init__("square")
        self.side = side

    def area(self) -> float:
        return self.side * self.side


def main() -> None:
    shapes: list[Shape] = [Circle(1.0), Square(2.0), Circle(0.5)]
    for s in shapes:
        print(s.describe())
    total = sum(s.area() for s in shapes)
    print(f"total area: {total:.3f}")
    largest = max(shapes, key=lambda s: s.area())
    print("largest:", largest.name)


main()
