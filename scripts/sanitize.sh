#!/usr/bin/env bash
# The sanitizer pass of scripts/test.sh: builds build-asan (clang, ASan + UBSan,
# with the libFuzzer targets so that one build serves both), runs the test
# suite in it, then runs each fuzzer for a bounded time (scripts/fuzz.sh).
#
#   ASYNCLINT_ASAN_BUILD_DIR  build folder (default build-asan)
#   ASYNCLINT_FUZZ_SECONDS    time per fuzz target (default 60; 0 skips fuzzing)
#   ASYNCLINT_FUZZ_SEED, ASYNCLINT_FUZZ_RUNS  default 1 and 4000 here: the same
#                             inputs on every run, so that the suite's verdict
#                             does not depend on luck (scripts/fuzz.sh alone explores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ASYNCLINT_ASAN_BUILD_DIR:-$root/build-asan}"
start=$SECONDS

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DASYNCLINT_SANITIZE=ON -DASYNCLINT_FUZZ=ON ${ASYNCLINT_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)"
echo "sanitize: built in $((SECONDS - start)) s"

# Any finding fails the test that hit it. The compile-and-run translation tests
# are left out: their time goes to dotnet / the C++ compilers, not to our code,
# and the translator they drive is covered by the golden tests here. The big
# generated inputs are smaller: a 50 MB parse under ASan takes minutes.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export ASYNCLINT_BIG_FILE_MB="${ASYNCLINT_BIG_FILE_MB:-5}"
export ASYNCLINT_LONG_LINE_MB="${ASYNCLINT_LONG_LINE_MB:-1}"
tests=$SECONDS
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" -E 'compile_and_run'
echo "sanitize: tests ran in $((SECONDS - tests)) s"

if [ "${ASYNCLINT_FUZZ_SECONDS:-60}" != 0 ]; then
  fuzz=$SECONDS
  ASYNCLINT_FUZZ_BUILD_DIR="$build" ASYNCLINT_FUZZ_SEED="${ASYNCLINT_FUZZ_SEED:-1}" \
    ASYNCLINT_FUZZ_RUNS="${ASYNCLINT_FUZZ_RUNS:-4000}" bash "$root/scripts/fuzz.sh"
  echo "sanitize: fuzzing took $((SECONDS - fuzz)) s"
fi
echo "sanitize: $((SECONDS - start)) s in all"
