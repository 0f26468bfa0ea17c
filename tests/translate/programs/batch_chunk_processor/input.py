import asyncio


def chunked(items: list[int], size: int) -> list[list[int]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


async def process_item(item: int) -> int:
    await asyncio.sleep(0.001)
    if item % 7 == 0:
        raise ValueError(f"bad item {item}")
    return item * 3


async def process_batch(index: int, batch: list[int]) -> tuple[int, list[int], list[str]]:
    results = await asyncio.gather(*[process_item(x) for x in batch], return_exceptions=True)
    good: list[int] = []
    bad: list[str] = []
    for r in results:
        if isinstance(r, Exception):
            bad.append(str(r))
        else:
            good.append(r)
    return index, good, bad


async def main() -> None:
    items = list(range(1, 18))
    batches = chunked(items, 5)
    print("batch sizes:", [len(b) for b in batches])
    all_good: list[int] = []
    all_bad: list[str] = []
    for i, batch in enumerate(batches):
        index, good, bad = await process_batch(i, batch)
        print(f"batch {index}: ok={len(good)} failed={len(bad)}")
        all_good.extend(good)
        all_bad.extend(bad)
    print("total processed:", len(all_good))
    print("errors:", all_bad)
    print("checksum:", sum(all_good))


asyncio.run(main())
