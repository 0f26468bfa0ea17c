#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a bounded
# time on a corpus seeded from the test inputs. Fails on the first crash, leak,
# timeout or broken invariant, printing the reproducer's path.
#
#   ASYNCLINT_FUZZ_SECONDS   time per target (default 60)
#   ASYNCLINT_FUZZ_TARGETS   which targets (default: fuzz_lint fuzz_fix fuzz_translate)
#   ASYNCLINT_FUZZ_BUILD_DIR build folder (default build-fuzz; scripts/test.sh reuses build-asan)
#   ASYNCLINT_FUZZ_CORPUS    keep the grown corpus here instead of a temporary folder
#   ASYNCLINT_FUZZ_SEED      libFuzzer's seed (default: a new one each run)
#   ASYNCLINT_FUZZ_RUNS      stop each target after this many inputs (default: time only)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ASYNCLINT_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${ASYNCLINT_FUZZ_SECONDS:-60}"
# A fixed seed and input count make a run repeatable (scripts/sanitize.sh, in CI).
repeatable=()
[ -n "${ASYNCLINT_FUZZ_SEED:-}" ] && repeatable+=(-seed="$ASYNCLINT_FUZZ_SEED")
[ -n "${ASYNCLINT_FUZZ_RUNS:-}" ] && repeatable+=(-runs="$ASYNCLINT_FUZZ_RUNS")
targets=(${ASYNCLINT_FUZZ_TARGETS:-fuzz_lint fuzz_fix fuzz_translate})
artifacts="$build/fuzz-artifacts"

if [ ! -f "$build/CMakeCache.txt" ]; then
  # A fuzz-only tree: the test suite is built elsewhere.
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DASYNCLINT_BUILD_TESTS=OFF \
    -DASYNCLINT_FUZZ=ON ${ASYNCLINT_CMAKE_ARGS:-} >/dev/null
else
  cmake "$build" -DASYNCLINT_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

# Seeds are copied at run time (the test inputs are not committed twice); the
# fuzzer adds what it finds to the same folder.
corpus="${ASYNCLINT_FUZZ_CORPUS:-}"
if [ -z "$corpus" ]; then
  corpus="$(mktemp -d)"
  trap 'rm -rf "$corpus"' EXIT
fi
seeds="$corpus/seeds"
mkdir -p "$seeds" "$artifacts"
i=0
while IFS= read -r -d '' f; do
  cp "$f" "$seeds/$((i++))-$(basename "$f")"
done < <(find "$root/tests/lint/fixtures" "$root/tests/lint/projects" "$root/tests/translate" \
              "$root/tests/robustness/crashes" "$root/examples" -type f -name '*.py' -print0 2>/dev/null)
echo "fuzz: $i seed files, ${seconds}s per target${ASYNCLINT_FUZZ_SEED:+, seed $ASYNCLINT_FUZZ_SEED}${ASYNCLINT_FUZZ_RUNS:+, at most $ASYNCLINT_FUZZ_RUNS inputs}"

status=0
for t in "${targets[@]}"; do
  mkdir -p "$corpus/$t"
  log="$artifacts/$t.log"
  before="$(ls "$artifacts" | grep -c "^$t-" || true)"
  set +e
  # -timeout: one input that takes this long is a hang; -rss_limit_mb: a blow-up.
  "$build/fuzz/$t" "$corpus/$t" "$seeds" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
    -dict="$root/fuzz/python.dict" -artifact_prefix="$artifacts/$t-" -print_final_stats=1 "${repeatable[@]}" >"$log" 2>&1
  rc=$?
  set -e
  execs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')"
  rate="$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')"
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "fuzz: $t FAILED (exit $rc); log: $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_[a-z]+: invariant)' "$log" | head -5 || true
    ls -t "$artifacts" | grep "^$t-" | head -n "$(( $(ls "$artifacts" | grep -c "^$t-") - before ))" |
      while read -r a; do
        echo "fuzz: reproducer: $artifacts/$a"
        echo "fuzz:   rerun with: $build/fuzz/$t $artifacts/$a"
        echo "fuzz:   keep it as a regression test: cp $artifacts/$a $root/tests/robustness/crashes/"
      done
  else
    echo "fuzz: $t ok: ${execs:-?} inputs, ${rate:-?} execs/s"
  fi
done
exit "$status"
