__all__ = ["double", "LIMIT"]

LIMIT = 3


def double(n: int) -> int:
    return n * 2


def _hidden(n: int) -> int:
    return n
