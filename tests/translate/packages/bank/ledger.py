BASE_FEE = 1.5
CURRENCY = "EUR"
entries: list[str] = []


def record(what: str, amount: float) -> None:
    entries.append(f"{what} {amount:.2f} {CURRENCY}")
