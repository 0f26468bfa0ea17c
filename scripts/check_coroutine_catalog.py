#!/usr/bin/env python3
"""Checks rules/types.toml's `coroutines` against the installed libraries.

Every listed name must be a coroutine function (an `async def`, or a
generator-based `@types.coroutine`): calling it only makes an object that
does nothing until awaited. Names whose library is not installed are skipped
and counted. The callables that return a Future or a Task and schedule their
work at once must not be listed.

Usage: python3 scripts/check_coroutine_catalog.py [rules/types.toml]
Exit status 0 when every checked name agrees, 1 otherwise.
"""

import importlib
import inspect
import pathlib
import sys
import tomllib

# The catalog's canonical type names that are not importable as spelled: the
# classes each one stands for (a method must be a coroutine on every one).
STANDS_FOR = {
    "aiofiles.File": [
        "aiofiles.threadpool.text.AsyncTextIOWrapper",
        "aiofiles.threadpool.binary.AsyncBufferedIOBase",
        "aiofiles.threadpool.binary.AsyncBufferedReader",
        "aiofiles.threadpool.binary.AsyncFileIO",
    ],
}

# Callables that schedule their work when called (a Future, a Task, an
# iterator of Futures): never "a coroutine that does not run".
NOT_COROUTINES = [
    "asyncio.gather", "asyncio.shield", "asyncio.ensure_future", "asyncio.create_task",
    "asyncio.run_coroutine_threadsafe", "asyncio.wrap_future", "asyncio.as_completed",
]

CO_ITERABLE_COROUTINE = 0x100


def is_coroutine_function(f):
    if inspect.iscoroutinefunction(f):
        return True
    f = inspect.unwrap(f)
    code = getattr(f, "__code__", None)
    return inspect.iscoroutinefunction(f) or bool(code and code.co_flags & CO_ITERABLE_COROUTINE)


def resolve(dotted):
    """The object a dotted name names, or None when its library is missing."""
    parts = dotted.split(".")
    obj = None
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ModuleNotFoundError as e:
            if e.name and parts[0] == e.name.split(".")[0] and i == 1:
                return None
            continue
        for attr in parts[i:]:
            obj = getattr(obj, attr)
        return obj
    return None


def targets(name):
    """The dotted names to check for one catalog entry."""
    for alias, classes in STANDS_FOR.items():
        if name.startswith(alias + "."):
            return [c + name[len(alias):] for c in classes]
    return [name]


def main():
    path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent / "rules/types.toml")
    listed = tomllib.loads(path.read_text())["coroutines"]
    checked, skipped, wrong = 0, [], []
    for name in listed:
        if name in NOT_COROUTINES:
            wrong.append(f"{name}: schedules its work when called, not a coroutine function")
            continue
        objs = []
        for t in targets(name):
            try:
                objs.append((t, resolve(t)))
            except AttributeError as e:
                wrong.append(f"{t}: not found ({e})")
        if any(o is None for _, o in objs):
            skipped.append(name)
            continue
        checked += 1
        for t, o in objs:
            if not is_coroutine_function(o):
                wrong.append(f"{t}: not a coroutine function ({type(o).__name__})")
    for name in NOT_COROUTINES:
        o = resolve(name)
        if o is not None and is_coroutine_function(o):
            wrong.append(f"{name}: is a coroutine function after all; update NOT_COROUTINES")
    for w in wrong:
        print("wrong:", w)
    if skipped:
        print("skipped (library not installed):", ", ".join(skipped))
    print(f"{checked} checked, {len(wrong)} wrong, {len(skipped)} skipped")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
