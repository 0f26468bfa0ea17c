import pingpong.ping


async def pong(n: int, log: list[str]) -> int:
    log.append(f"pong {n}")
    if n <= 0:
        return 0
    return 1 + await pingpong.ping.ping(n - 1, log)


def parity(n: int) -> str:
    return "even" if n % 2 == 0 else "odd"
