import asyncio


class ValidationError(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field


async def validate_record(record: dict[str, str]) -> str:
    await asyncio.sleep(0.001)
    if "name" not in record:
        raise ValidationError("name", "missing")
    if not record.get("email", "").count("@") == 1:
        raise ValidationError("email", "invalid")
    return record["name"]


async def failing_child(delay: float) -> int:
    await asyncio.sleep(delay)
    raise RuntimeError(f"child failed after delay {delay}")


async def main() -> None:
    records: list[dict[str, str]] = [
        {"name": "ann", "email": "ann@example.org"},
        {"email": "nobody@example.org"},
        {"name": "bob", "email": "bob-at-example"},
        {"name": "cy", "email": "cy@example.org"},
    ]
    outcomes = await asyncio.gather(*[validate_record(r) for r in records], return_exceptions=True)
    valid: list[str] = []
    errors: dict[str, int] = {}
    for outcome in outcomes:
        if isinstance(outcome, ValidationError):
            errors[outcome.field] = errors.get(outcome.field, 0) + 1
        elif isinstance(outcome, str):
            valid.append(outcome)
    print("valid:", valid)
    print("errors by field:", errors)

    try:
        await asyncio.gather(validate_record({"name": "x"}), validate_record(records[0]))
    except ValidationError as exc:
        print("gather raised:", exc)

    task = asyncio.create_task(failing_child(0.002))
    try:
        await task
    except RuntimeError as exc:
        print("awaited task raised:", exc)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing_child(0.001))
            tg.create_task(asyncio.sleep(0.01))
    except ExceptionGroup as group:
        print("task group failures:", len(group.exceptions))
    print("done")


asyncio.run(main())
