import asyncio
from dataclasses import dataclass
from typing import Optional

PENDING = "pending"
RUNNING = "running"
DONE = "done"
FAILED = "failed"


@dataclass
class TaskRecord:
    name: str
    delay: float
    fail: bool = False
    status: str = PENDING
    error: Optional[str] = None


class Tracker:
    def __init__(self, records: list[TaskRecord]) -> None:
        self.records = records
        self.transitions: list[str] = []

    def set_status(self, record: TaskRecord, status: str) -> None:
        self.transitions.append(f"{record.name}:{record.status}->{status}")
        record.status = status

    async def execute(self, record: TaskRecord) -> None:
        self.set_status(record, RUNNING)
        await asyncio.sleep(record.delay)
        if record.fail:
            record.error = f"{record.name} crashed"
            self.set_status(record, FAILED)
        else:
            self.set_status(record, DONE)

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {PENDING: 0, RUNNING: 0, DONE: 0, FAILED: 0}
        for r in self.records:
            counts[r.status] += 1
        return counts


async def main() -> None:
    records = [TaskRecord("fetch", 0.02), TaskRecord("parse", 0.01, fail=True), TaskRecord("store", 0.03)]
    tracker = Tracker(records)
    print("before:", tracker.summary())
    await asyncio.gather(*[tracker.execute(r) for r in records])
    print("after:", tracker.summary())
    for t in tracker.transitions:
        print(" ", t)
    for r in records:
        note = r.error if r.error is not None else "ok"
        print(f"{r.name}: {r.status} ({note})")


if __name__ == "__main__":
    asyncio.run(main())
