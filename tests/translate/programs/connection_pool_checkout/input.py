import asyncio
from dataclasses import dataclass, field


@dataclass
class Connection:
    conn_id: int
    queries: list[str] = field(default_factory=list)

    async def execute(self, sql: str) -> int:
        await asyncio.sleep(0.002 + self.conn_id * 0.01)
        self.queries.append(sql)
        return len(sql)


class ConnectionPool:
    def __init__(self, size: int) -> None:
        self.available: asyncio.Queue[Connection] = asyncio.Queue()
        self.all: list[Connection] = []
        for i in range(size):
            conn = Connection(i)
            self.all.append(conn)
            self.available.put_nowait(conn)
        self.waits: int = 0

    async def run(self, sql: str) -> int:
        if self.available.empty():
            self.waits += 1
        conn = await self.available.get()
        try:
            return await conn.execute(sql)
        finally:
            self.available.put_nowait(conn)


async def main() -> None:
    pool = ConnectionPool(2)
    statements: list[str] = [
        "SELECT 1",
        "SELECT * FROM users",
        "UPDATE users SET active = 1",
        "DELETE FROM logs",
        "SELECT name FROM teams",
    ]
    sizes = await asyncio.gather(*[pool.run(s) for s in statements])
    print("statement sizes:", sizes)
    print("callers that had to wait:", pool.waits)
    total = 0
    for conn in pool.all:
        print(f"conn {conn.conn_id} ran {len(conn.queries)} queries")
        total += len(conn.queries)
    print("total queries:", total)
    print("pool size restored:", pool.available.qsize())


asyncio.run(main())
