#!/usr/bin/env python3
"""Draws the hand-read precision sample of asynclint's findings on a corpus.

    bench/sample_findings.py FINDINGS.jsonl                 # the sample, with each line's source
    bench/sample_findings.py FINDINGS.jsonl --counts        # findings per code
    bench/sample_findings.py FINDINGS.jsonl --judged FILE   # the per-code precision table

FINDINGS.jsonl is asynclint's `--output-format json-lines` on the corpus
(bench/corpus.txt). The sample holds, for every code, 6 findings drawn with a
fixed seed per code (all of a code with 6 or fewer), from the findings sorted
by path, line, column and code. A judgments FILE has one line per
sampled finding, `path:line:col CODE correct|false [reason]`; the table counts
them per code (findings, sampled, correct, precision) and overall.
Standard library only.
"""
import argparse
import collections
import json
import random
import sys

SEED = 16
PER_CODE = 6


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            loc = d.get("location") or {}
            out.append((d["filename"], loc.get("row", 0), loc.get("column", 0), d["code"], d.get("message", "")))
    return sorted(set(out))


def sample(findings):
    by_code = collections.defaultdict(list)
    for f in findings:
        by_code[f[3]].append(f)
    picked = []
    for code in sorted(by_code):
        items = by_code[code]
        # One generator per code, so a change in one code's findings leaves the others' samples as they were.
        rng = random.Random(f"{SEED}:{code}")
        picked.extend(items if len(items) <= PER_CODE else sorted(rng.sample(items, PER_CODE)))
    return by_code, picked


def key(f):
    return f"{f[0]}:{f[1]}:{f[2]} {f[3]}"


def source_line(path, row):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, line in enumerate(f, 1):
                if i == row:
                    return line.rstrip("\n")
    except OSError:
        pass
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("findings")
    ap.add_argument("--counts", action="store_true", help="print the findings per code")
    ap.add_argument("--judged", metavar="FILE", help="judgments of the sample: print the precision table")
    args = ap.parse_args()
    findings = load(args.findings)
    by_code, picked = sample(findings)
    if args.counts:
        for code in sorted(by_code):
            print(f"{code}\t{len(by_code[code])}")
        print(f"total\t{len(findings)}")
        return 0
    if not args.judged:
        for f in picked:
            print(f"{key(f)}  {f[4]}")
            print(f"    {source_line(f[0], f[1]).strip()}")
        return 0
    verdicts = {}
    with open(args.judged, encoding="utf-8") as jf:
        for line in jf:
            parts = line.split()
            if len(parts) >= 3 and not line.startswith("#"):
                verdicts[f"{parts[0]} {parts[1]}"] = parts[2]
    missing = [key(f) for f in picked if key(f) not in verdicts]
    if missing:
        print("not judged:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    print("| code | findings | sampled | correct | precision |")
    print("| --- | ---: | ---: | ---: | ---: |")
    total_s = total_c = 0
    for code in sorted(by_code):
        s = [f for f in picked if f[3] == code]
        c = sum(verdicts[key(f)] == "correct" for f in s)
        total_s += len(s)
        total_c += c
        print(f"| {code} | {len(by_code[code])} | {len(s)} | {c} | {100 * c / len(s):.0f}% |")
    print(f"| all | {len(findings)} | {total_s} | {total_c} | {100 * total_c / total_s:.1f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
