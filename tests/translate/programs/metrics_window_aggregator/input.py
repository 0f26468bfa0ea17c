import asyncio
from dataclasses import dataclass, field


@dataclass
class Metric:
    name: str
    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def mean(self) -> float:
        if not self.values:
            return 0.0
        return sum(self.values) / len(self.values)


class Aggregator:
    def __init__(self, window: int) -> None:
        self.window = window
        self.metrics: dict[str, Metric] = {}

    def record(self, name: str, value: float) -> None:
        if name not in self.metrics:
            self.metrics[name] = Metric(name)
        metric = self.metrics[name]
        metric.add(value)
        if len(metric.values) > self.window:
            metric.values.pop(0)


async def emitter(agg: Aggregator, name: str, samples: list[float], delay: float) -> int:
    for sample in samples:
        await asyncio.sleep(delay)
        agg.record(name, sample)
    return len(samples)


async def main() -> None:
    agg = Aggregator(window=3)
    counts = await asyncio.gather(
        emitter(agg, "latency", [12.0, 15.5, 9.25, 20.0], 0.001),
        emitter(agg, "cpu", [0.5, 0.75], 0.002),
        emitter(agg, "errors", [], 0.001),
    )
    print("samples emitted:", counts)
    for name in sorted(agg.metrics):
        m = agg.metrics[name]
        print(f"{name:<8} window={m.values} mean={m.mean:.3f}")
    print("has errors metric:", "errors" in agg.metrics)
    empty = Metric("empty")
    print("empty mean:", empty.mean)
    print(empty)


asyncio.run(main())
