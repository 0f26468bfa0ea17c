#!/usr/bin/env bash
# Measures, in one run and on the same files, whole-process wall time, CPU
# time and peak memory of: asynclint cold (no cache), asynclint warm (cache),
# asynclint without the project-wide rules, ruff's ASYNC rules (the pinned
# WebAssembly build), and the tree-sitter parse floor; then prints ratios.
# With --baseline BINARY, another asynclint build (an earlier commit) is
# measured cold and warm in the same run, for before/after figures on a
# machine whose load varies.
# Usage: bench/run.sh [--async-only] [--repeat N] [--baseline BINARY]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${ASYNCLINT_BENCH_BUILD:-$root/build-bench}"
list="$here/corpus.txt"
corpus_args=()
repeat=3
baseline=
while [ $# -gt 0 ]; do
  case "$1" in
    --async-only) corpus_args=(--async-only); list="$here/corpus-async.txt" ;;
    --repeat) repeat="$2"; shift ;;
    --baseline) baseline="$(realpath "$2")"; shift ;;
    *) echo "usage: bench/run.sh [--async-only] [--repeat N] [--baseline BINARY]" >&2; exit 2 ;;
  esac
  shift
done

[ -n "${ASYNCLINT_BENCH_NO_SETUP:-}" ] || bash "$root/scripts/setup.sh" >/dev/null
bash "$here/corpus.sh" "${corpus_args[@]}" "$list" >/dev/null
[ -d "$here/ruff/node_modules" ] || (cd "$here/ruff" && npm ci --no-audit --no-fund --loglevel=error)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DASYNCLINT_BUILD_TESTS=OFF \
  -DASYNCLINT_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target asynclint parse_floor micro_benchmarks >/dev/null

asynclint="$build/src/cli/asynclint"
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
files=$(wc -l <"$list")
mb=$(xargs -a "$list" -d '\n' cat | wc -c | awk '{printf "%.1f", $1 / 1e6}')
echo "corpus: $files files, $mb MB; $(nproc) cores; best of $repeat runs"

# measure NAME CMD...: best wall time of $repeat runs, with its CPU time and peak RSS.
declare -A wall cpu rss
measure() {
  local name="$1"; shift
  local best=""
  for _ in $(seq "$repeat"); do
    /usr/bin/time -o "$cache/time" -f "%e %U %S %M" "$@" >/dev/null 2>/dev/null || true
    # The last line: time prepends "Command exited with non-zero status" when
    # asynclint reports the corpus's few undecodable files (exit 2).
    read -r w u s m < <(tail -1 "$cache/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($w < $best)}"; then
      best=$w; wall[$name]=$w; cpu[$name]=$(awk "BEGIN{print $u + $s}"); rss[$name]=$m
    fi
  done
  printf "%-22s wall %7.2f s   cpu %7.2f s   peak %8.1f MB\n" "$name" "${wall[$name]}" "${cpu[$name]}" \
    "$(awk "BEGIN{print ${rss[$name]} / 1024}")"
}

lint() { xargs -s 1900000 -a "$list" -d '\n' "$asynclint" -q --exit-zero "$@"; }
measure parse-floor "$build/bench/parse_floor" "$list"
measure ruff node "$here/ruff/ruff_check.mjs" "@$list"
measure asynclint-cold bash -c "rm -rf '$cache/c'; $(declare -f lint); list='$list' asynclint='$asynclint'; lint --cache-dir '$cache/c'"
lint --cache-dir "$cache/w" >/dev/null 2>&1 || true
measure asynclint-warm bash -c "$(declare -f lint); list='$list' asynclint='$asynclint'; lint --cache-dir '$cache/w'"
measure asynclint-no-project bash -c "$(declare -f lint); list='$list' asynclint='$asynclint'; lint --no-cache --ignore AL201,AL204,AL210"
measure asynclint-parse-all bash -c "$(declare -f lint); list='$list' asynclint='$asynclint'; ASYNCLINT_PARSE_ALL=1 lint --no-cache"
if [ -n "$baseline" ]; then
  measure baseline-cold bash -c "rm -rf '$cache/bc'; $(declare -f lint); list='$list' asynclint='$baseline'; lint --cache-dir '$cache/bc'"
  (asynclint="$baseline"; lint --cache-dir "$cache/bw" >/dev/null 2>&1) || true
  measure baseline-warm bash -c "$(declare -f lint); list='$list' asynclint='$baseline'; lint --cache-dir '$cache/bw'"
fi

ratio() { awk "BEGIN{printf \"%.1f\", $1 / $2}"; }
echo
echo "ruff / asynclint cold (wall):          $(ratio "${wall[ruff]}" "${wall[asynclint-cold]}")x"
echo "ruff / asynclint warm (wall):          $(ratio "${wall[ruff]}" "${wall[asynclint-warm]}")x"
echo "ruff / asynclint warm (cpu):           $(ratio "${cpu[ruff]}" "${cpu[asynclint-warm]}")x"
echo "ruff / asynclint peak memory:          $(ratio "${rss[ruff]}" "${rss[asynclint-cold]}")x"
echo "project analyses cost (cold / none):   $(ratio "${wall[asynclint-cold]}" "${wall[asynclint-no-project]}")x"
echo "asynclint cold / parse floor (cpu):    $(ratio "${cpu[asynclint-cold]}" "${cpu[parse-floor]}")x"
echo "skipping files (parse-all / cold cpu): $(ratio "${cpu[asynclint-parse-all]}" "${cpu[asynclint-cold]}")x"
if [ -n "$baseline" ]; then
  echo "baseline / asynclint cold (wall):      $(ratio "${wall[baseline-cold]}" "${wall[asynclint-cold]}")x"
  echo "baseline / asynclint cold (cpu):       $(ratio "${cpu[baseline-cold]}" "${cpu[asynclint-cold]}")x"
  echo "baseline / asynclint warm (wall):      $(ratio "${wall[baseline-warm]}" "${wall[asynclint-warm]}")x"
  echo "ruff / baseline cold, warm (wall):     $(ratio "${wall[ruff]}" "${wall[baseline-cold]}")x, $(ratio "${wall[ruff]}" "${wall[baseline-warm]}")x"
  echo "ruff / baseline peak memory:           $(ratio "${rss[ruff]}" "${rss[baseline-cold]}")x"
fi
ASYNCLINT_PARSE_STATS=1 lint --no-cache 2>&1 >/dev/null | grep "parsed" || true
echo
"$build/bench/micro_benchmarks" --benchmark_min_time=0.2 2>/dev/null | grep -E "^BM_|^-|Benchmark"
