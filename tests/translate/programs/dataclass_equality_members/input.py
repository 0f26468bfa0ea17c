from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass(order=True)
class Job:
    priority: int
    name: str


def main():
    a = Point(1, 2)
    b = Point(1, 2)
    print(a == b, a != Point(2, 1))
    jobs = [Job(3, "c"), Job(1, "z"), Job(1, "a")]
    print(sorted(jobs))
    print(min(jobs), Job(1, "a") < Job(2, "a"))
    print(a in [Point(1, 2)])


main()
