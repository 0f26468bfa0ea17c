#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ASYNCLINT_BUILD_DIR:-$root/build}"
bash "$root/scripts/setup.sh"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test: dotnet is not installed: the C# compile-and-run tests will be reported as skipped"
fi
status=0
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" || status=$?
# Then the suite again under ASan + UBSan, and each fuzzer for a bounded time
# (ASYNCLINT_FUZZ_SECONDS, default 60), even when the first pass failed, so one
# run reports every failure. ASYNCLINT_SANITIZE_PASS=0 skips this.
if [ "${ASYNCLINT_SANITIZE_PASS:-1}" != 0 ]; then
  bash "$root/scripts/sanitize.sh" || { s=$?; [ "$status" -ne 0 ] || status=$s; }
fi
if [ "$status" -ne 0 ]; then
  echo "test: FAILED (exit $status): see the failures above"
fi
exit "$status"
