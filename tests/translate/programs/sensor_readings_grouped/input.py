import asyncio
from collections import defaultdict


async def read_sensor(sensor: str, step: int) -> tuple[str, int]:
    await asyncio.sleep(0.001)
    base = {"temp": 20, "humidity": 55, "pressure": 1010}[sensor]
    return sensor, base + (step * 7) % 5 - 2


async def collect(steps: int) -> dict[str, list[int]]:
    readings: dict[str, list[int]] = defaultdict(list)
    for step in range(steps):
        batch = await asyncio.gather(*[read_sensor(s, step) for s in ("temp", "humidity", "pressure")])
        for sensor, value in batch:
            readings[sensor].append(value)
    return dict(readings)


def stats(values: list[int]) -> tuple[int, int, float]:
    return min(values), max(values), sum(values) / len(values)


async def main() -> None:
    readings = await collect(6)
    for sensor, values in readings.items():
        lo, hi, avg = stats(values)
        print(f"{sensor:<9} {values} min={lo} max={hi} avg={avg:.2f}")

    alerts: dict[str, list[int]] = {}
    for sensor, values in readings.items():
        limit = max(values) - 1
        hits = [i for i, v in enumerate(values) if v > limit]
        if hits:
            alerts[sensor] = hits
    print("peaks at steps:", alerts)

    deltas: dict[str, list[int]] = {
        s: [b - a for a, b in zip(v, v[1:])] for s, v in readings.items()
    }
    print("temp deltas:", deltas["temp"])
    print("sensors:", sorted(readings.keys()))


asyncio.run(main())
