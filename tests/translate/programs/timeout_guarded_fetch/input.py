import asyncio
from dataclasses import dataclass
from typing import Optional


@dataclass
class Response:
    url: str
    status: int
    body: str


LATENCY: dict[str, float] = {
    "/fast": 0.005,
    "/slow": 0.2,
    "/medium": 0.015,
    "/missing": 0.002,
}


async def fake_fetch(url: str) -> Response:
    await asyncio.sleep(LATENCY[url])
    if url == "/missing":
        return Response(url, 404, "")
    return Response(url, 200, f"content of {url}")


async def guarded_fetch(url: str, timeout: float) -> Optional[Response]:
    try:
        return await asyncio.wait_for(fake_fetch(url), timeout)
    except asyncio.TimeoutError:
        return None


async def main() -> None:
    urls = ["/fast", "/slow", "/medium", "/missing"]
    results = await asyncio.gather(*[guarded_fetch(u, 0.04) for u in urls])
    ok: list[str] = []
    for url, resp in zip(urls, results):
        if resp is None:
            print(f"{url:<9} timed out")
            continue
        print(f"{url:<9} status={resp.status} bytes={len(resp.body)}")
        if resp.status == 200:
            ok.append(url)
    print("successful:", ok)
    timed_out = sum(1 for r in results if r is None)
    print("timed out count:", timed_out)
    first: Optional[Response] = results[0]
    if first is not None:
        print("first body:", first.body.upper())


asyncio.run(main())
