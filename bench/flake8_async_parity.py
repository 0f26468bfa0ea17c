#!/usr/bin/env python3
"""Measure asynclint against flake8-async's own eval files.

Usage: bench/flake8_async_parity.py F8A_CHECKOUT [--asynclint PATH] [-v] [--code CODE]

F8A_CHECKOUT is an extracted flake8-async checkout (its tests/eval_files and
docs/rules.rst are read).  Each eval file is run the way flake8-async's test
suite runs it (tests/test_flake8_async.py):

- once per library, trio, anyio and asyncio, with the file's text rewritten
  from its base library (`# BASE_LIBRARY x`, default trio) to the other one
  (`trio` -> `anyio`, `open_nursery` -> `create_task_group`, ...); a
  `# NOTRIO` / `# NOANYIO` / `# NOASYNCIO` marker skips that library (the
  suite only checks that it does not crash there), and `# TRIO_NO_ERROR` etc.
  mean no finding is expected with that library;
- only the codes the suite enables are scored: the code named by the file
  name (`async102_anyio.py` -> ASYNC102), or the last `# ARG --enable=...`
  header; 9xx codes are run only where enabled that way (they are off by
  default in both tools);
- every `# ASYNCxxx: ...` and `# error: ...` comment is an expected finding
  on its line (`error` is the file's own code); files named `*_pyXY` are
  skipped on an older Python.

asynclint runs with every ASYNC rule it has selected (9xx ones only where
the file enables them), with `async-framework` set to the library of the run, and
findings are compared by (line, code).  Findings of codes the file does not
enable are not scored (flake8-async's run would not report them either); they
are counted apart.

A missed finding whose line refers to a module (`subprocess.Popen`,
`trio.sleep`) that the file never imports is counted as "unresolvable without
import": asynclint resolves names through imports and, unlike flake8-async,
does not treat an unbound `trio.x` as trio's.

Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

LIBRARIES = ("trio", "anyio", "asyncio")
MARKERS = ("NOANYIO", "NOTRIO", "NOASYNCIO", "ANYIO_NO_ERROR", "TRIO_NO_ERROR", "ASYNCIO_NO_ERROR",
           "AUTOFIX", "NOAUTOFIX", "ASYNCIO_NO_AUTOFIX", "BASE_LIBRARY", "NOCOMPILE")

# Modules whose attributes flake8-async recognises by name alone.
KNOWN_MODULES = {
    "trio", "anyio", "asyncio", "subprocess", "os", "time", "requests", "httpx", "urllib3", "urllib",
    "io", "pathlib", "socket", "sqlite3", "shutil", "contextlib", "sys", "exceptiongroup", "pytest",
    "functools", "math",
}


@dataclass
class Markers:
    flags: set[str] = field(default_factory=set)
    base_library: str = "trio"

    def skipped(self, library: str) -> bool:
        return "NO" + library.upper() in self.flags

    def no_error(self, library: str) -> bool:
        return library.upper() + "_NO_ERROR" in self.flags


def find_markers(content: str) -> Markers:
    m = Markers()
    for f in re.findall(rf"# ({'|'.join(MARKERS)})", content):
        if f == "BASE_LIBRARY":
            b = re.search(r"# BASE_LIBRARY (\w*)", content)
            if b:
                m.base_library = b.group(1)
        else:
            m.flags.add(f)
    return m


def replace_library(string: str, original: str = "trio", new: str = "anyio") -> str:
    """flake8-async's substitution of one library's names for another's."""

    def replace_str(s: str, orig: str, repl: str) -> str:
        if orig in ("trio", "anyio", "asyncio"):
            pattern = rf"(?<!-)(?:\b|(?<=_)){orig}\b"
        elif re.fullmatch(r"\w+", orig):
            pattern = rf"(?<!-)\b{orig}\b"
        else:
            pattern = rf"(?<!-){re.escape(orig)}"
        return re.sub(pattern, repl, s)

    replacements = (
        ("open_nursery", "create_task_group"),
        ('"nursery"', '"task group"'),
        ("nursery", "task_group"),
        ("Nursery", "TaskGroup"),
    )
    if sorted((original, new)) == ["anyio", "trio"]:
        for trio_, anyio_ in replacements:
            from_, to_ = (trio_, anyio_) if original == "trio" else (anyio_, trio_)
            string = replace_str(string, from_, to_)
    return replace_str(string, original, new)


@dataclass
class Parsed:
    expected: list[tuple[int, str]]
    args: list[str]
    enabled: list[str]


def parse_eval_file(test: str, content: str, codes: set[str]) -> Parsed:
    test = test.split("_", maxsplit=1)[0]
    args: list[str] = []
    enabled = ""
    if test in codes:
        enabled = test
    expected: list[tuple[int, str]] = []
    for lineno, line in enumerate(content.split("\n"), start=1):
        line = line.replace("\\n", "\n").strip()
        if reg := re.search(r"(?<=ARG ).*", line):
            argument = reg.group().strip()
            args.append(argument)
            if m := re.match(r"--enable=(.*)", argument):
                enabled = m.group(1)
        if not line or line[0] == "#" or "#" not in line:
            continue
        for err_code, _alt, _args in re.findall(r"(error|ASYNC...)(_.*)?:([^#]*)(?=#|$)", line):
            expected.append((lineno, test if err_code == "error" else err_code))
    return Parsed(expected, args, [c for c in enabled.split(",") if c])


def python_too_old(test: str) -> bool:
    m = re.search(r"(?<=_PY)\d*", test)
    if not m or not m.group():
        return False
    v = m.group()
    return sys.version_info[:2] < (int(v[0]), int(v[1:]))


def imported_names(content: str) -> set[str] | None:
    try:
        tree = ast.parse(content)
    except SyntaxError:
        return None
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                names.add(a.asname or a.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            for a in node.names:
                names.add(a.asname or a.name)
    return names


def unresolvable(lines: list[str], line: int, imported: set[str] | None) -> bool:
    """The line, or its function up to it (where a receiver such as
    `client = httpx.Client()` is made), names `mod.x` for a module the file
    never imports."""
    if imported is None:
        return False
    first = line
    while first > 1 and not re.match(r"\s*(async\s+)?def\s", lines[first - 1]):
        first -= 1
    if not re.match(r"\s*(async\s+)?def\s", lines[first - 1]):
        first = line  # module level: the line alone
    for text in lines[first - 1:line]:
        code = text.split("#", 1)[0]
        heads = set(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\.", code))
        if any(h in KNOWN_MODULES and h not in imported for h in heads):
            return True
    return False


def blocking_calls_option(value: str) -> dict[str, str]:
    """`--async200-blocking-calls=a->B,*.c->D` as asynclint's extra-blocking-calls."""
    out = {}
    for item in value.split(","):
        if "->" not in item:
            continue
        name, repl = (s.strip() for s in item.split("->", 1))
        if name:
            out[name] = repl
    return out


# flake8-async options and the asynclint configuration keys that mean the same.
LIST_OPTIONS = {
    "--startable-in-context-manager": "startable-in-context-manager",
    "--no-checkpoint-warning-decorator": "no-checkpoint-warning-decorators",
    "--no-checkpoint-warning-decorators": "no-checkpoint-warning-decorators",
    "--transform-async-generator-decorators": "transform-async-generator-decorators",
    "--exception-suppress-context-managers": "exception-suppress-context-managers",
}


def toml_str(s: str) -> str:
    return json.dumps(s)


def enabled_match(code: str, enabled: list[str]) -> bool:
    return any(code.startswith(e) for e in enabled)


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    matched: int = 0
    unresolvable: int = 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkout", type=Path, help="extracted flake8-async checkout")
    ap.add_argument("--asynclint", default=None, help="asynclint binary (default: build/src/cli/asynclint)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false positive")
    ap.add_argument("--code", action="append", default=[], help="list misses and false positives of this code only")
    opts = ap.parse_args()

    root = Path(__file__).resolve().parent.parent
    binary = opts.asynclint or str(root / "build" / "src" / "cli" / "asynclint")
    if not os.access(binary, os.X_OK):
        print(f"error: no asynclint at {binary} (build it, or pass --asynclint)", file=sys.stderr)
        return 2
    eval_dir = opts.checkout / "tests" / "eval_files"
    rules_rst = (opts.checkout / "docs" / "rules.rst").read_text()
    codes = set(re.findall(r"\bASYNC\d{3}\b", rules_rst))

    table = subprocess.run([binary, "rule", "--table"], capture_output=True, text=True, check=True).stdout
    asynclint_codes = re.findall(r"^\| (ASYNC\d{3}) \|", table, re.M)
    base_selection = [c for c in asynclint_codes if not c.startswith("ASYNC9")]

    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    unscored = collections.Counter()
    details: list[str] = []
    unsupported_args: dict[str, set[str]] = collections.defaultdict(set)
    runs = 0
    skipped = []

    with tempfile.TemporaryDirectory(prefix="f8a_parity_") as tmp:
        for path in sorted(eval_dir.glob("*.py")):
            test = path.stem.upper()
            if python_too_old(test):
                skipped.append(f"{path.name} (needs a newer Python)")
                continue
            original = path.read_text()
            markers = find_markers(original)
            for library in LIBRARIES:
                if markers.skipped(library):
                    continue
                content = original
                if library != markers.base_library:
                    content = replace_library(content, markers.base_library, library)
                parsed = parse_eval_file(test, content, codes)
                expected = [] if markers.no_error(library) else parsed.expected
                enabled = parsed.enabled
                extra_calls: dict[str, str] = {}
                lists: dict[str, list[str]] = collections.defaultdict(list)
                for a in parsed.args:
                    if a.startswith("--enable="):
                        continue
                    option, _, value = a.partition("=")
                    if option in LIST_OPTIONS:
                        lists[LIST_OPTIONS[option]] += [v.strip() for v in value.split(",") if v.strip()]
                        continue
                    if option == "--async200-blocking-calls":
                        extra_calls.update(blocking_calls_option(value))
                        continue
                    unsupported_args[option].add(path.name)

                workdir = Path(tmp) / library
                workdir.mkdir(exist_ok=True)
                src = workdir / path.name
                src.write_text(content)
                cfg = workdir / (path.stem + ".toml")
                lines = [f"async-framework = {toml_str(library)}"]
                lines += [f"{k} = [{', '.join(toml_str(x) for x in v)}]" for k, v in lists.items()]
                if extra_calls:
                    lines.append("[extra-blocking-calls]")
                    lines += [f"{toml_str(k)} = {toml_str(v)}" for k, v in extra_calls.items()]
                cfg.write_text("\n".join(lines) + "\n")
                nine = [c for c in asynclint_codes if c.startswith("ASYNC9") and enabled_match(c, enabled)]
                cmd = [binary, "--config", str(cfg), "--no-cache", "--exit-zero", "--output-format", "json",
                       "--select", ",".join(base_selection + nine), str(src)]
                proc = subprocess.run(cmd, capture_output=True, text=True)
                runs += 1
                if proc.returncode not in (0, 1):
                    print(f"error: {' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr}", file=sys.stderr)
                    return 2
                found_all = [(d["location"]["row"], d["code"]) for d in json.loads(proc.stdout or "[]")]
                found = [f for f in found_all if enabled_match(f[1], enabled)]
                for f in found_all:
                    if not enabled_match(f[1], enabled):
                        unscored[f[1]] += 1

                exp_c = collections.Counter(expected)
                got_c = collections.Counter(found)
                imported = imported_names(content)
                text_lines = content.split("\n")
                for key in exp_c.keys() | got_c.keys():
                    line, code = key
                    t = tallies[code]
                    e, g = exp_c[key], got_c[key]
                    m = min(e, g)
                    t.expected += e
                    t.found += g
                    t.matched += m
                    miss = e - m
                    tag = f"{path.name}[{library}]:{line}"
                    if miss:
                        unres = line <= len(text_lines) and unresolvable(text_lines, line, imported)
                        if unres:
                            t.unresolvable += miss
                        if opts.verbose or code in opts.code:
                            why = " (unresolvable without import)" if unres else ""
                            details.append(f"missed {code} x{miss} {tag}{why}: {text_lines[line - 1].strip()[:100]}")
                    if g - m and (opts.verbose or code in opts.code):
                        details.append(f"extra  {code} x{g - m} {tag}: {text_lines[line - 1].strip()[:100]}")

    for d in sorted(details):
        print(d)
    if details:
        print()

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}%" if b else "    -"

    print(f"flake8-async eval files: {runs} runs (file x library)")
    print(f"{'code':<9} {'expected':>8} {'found':>6} {'matched':>7} {'recall':>7} {'precision':>9} {'unresolvable':>12}")
    tot = Tally()
    for code in sorted(tallies):
        t = tallies[code]
        print(f"{code:<9} {t.expected:>8} {t.found:>6} {t.matched:>7} {pct(t.matched, t.expected):>7} "
              f"{pct(t.matched, t.found):>9} {t.unresolvable:>12}")
        tot.expected += t.expected
        tot.found += t.found
        tot.matched += t.matched
        tot.unresolvable += t.unresolvable
    print(f"{'total':<9} {tot.expected:>8} {tot.found:>6} {tot.matched:>7} {pct(tot.matched, tot.expected):>7} "
          f"{pct(tot.matched, tot.found):>9} {tot.unresolvable:>12}")
    resolvable = tot.expected - tot.unresolvable
    print(f"recall on findings resolvable through imports: {pct(tot.matched, resolvable).strip()} "
          f"({tot.matched}/{resolvable}); unresolvable without import: {tot.unresolvable}")
    if unscored:
        print("not scored (codes the file does not enable): "
              + ", ".join(f"{c} {n}" for c, n in sorted(unscored.items())))
    if unsupported_args:
        print("flake8-async options without a full asynclint equivalent (their findings count as misses):")
        for a, files in sorted(unsupported_args.items()):
            print(f"  {a}: {', '.join(sorted(files))}")
    for s in skipped:
        print(f"skipped: {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
