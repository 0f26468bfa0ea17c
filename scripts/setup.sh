#!/usr/bin/env bash
# Installs every dependency (Debian packages, the npm-pinned grammar) and builds.
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ASYNCLINT_BUILD_DIR:-$root/build}"

packages=(
  build-essential cmake ninja-build pkg-config git
  libtree-sitter-dev libfmt-dev libcli11-dev libgtest-dev libtomlplusplus-dev nlohmann-json3-dev
  libbenchmark-dev clang libclang-rt-14-dev
  python3 python3-aiohttp python3-requests
  # The libraries whose coroutine functions rules/types.toml lists (checked by a test).
  python3-aiofiles python3-aiosqlite python3-anyio python3-trio
  # The C++ translations' dependencies (header-only Boost.Asio/Beast/JSON 1.81;
  # conflicts with libboost1.74-dev, so named by version).
  libboost1.81-dev
)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The grammar, pinned by grammars/package-lock.json (install scripts disabled by .npmrc).
if [ ! -f "$root/grammars/node_modules/tree-sitter-python/src/parser.c" ] ||
   [ "$root/grammars/package-lock.json" -nt "$root/grammars/node_modules/.package-lock.json" ]; then
  (cd "$root/grammars" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The SARIF 2.1.0 schema and its validator for the SARIF output test, pinned by tests/sarif/package-lock.json.
if [ ! -d "$root/tests/sarif/node_modules/@microsoft/jest-sarif" ] ||
   [ "$root/tests/sarif/package-lock.json" -nt "$root/tests/sarif/node_modules/.package-lock.json" ]; then
  (cd "$root/tests/sarif" && npm ci --no-audit --no-fund --loglevel=error)
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${ASYNCLINT_CMAKE_ARGS:-} >/dev/null
# ASYNCLINT_BUILD_TARGETS (e.g. "asynclint asynctranslate") builds only those;
# the test command builds everything.
# shellcheck disable=SC2086
cmake --build "$build" -j "$(nproc)" ${ASYNCLINT_BUILD_TARGETS:+--target $ASYNCLINT_BUILD_TARGETS}
