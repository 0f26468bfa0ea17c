#!/usr/bin/env bash
# Sets everything up (building only the two tools), lints the bundled lesson
# examples, then translates one of them to C# and to C++, builds both
# translations and runs them beside CPython.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ASYNCLINT_BUILD_DIR:-$root/build}"
ASYNCLINT_BUILD_TARGETS="asynclint asynctranslate" bash "$root/scripts/setup.sh"
cd "$root"

echo "== asynclint examples/"
set +e
"$build/src/cli/asynclint" examples/
status=$?
set -e
# Exit 1 means "findings", which is what the example is meant to show.
[ "$status" -le 1 ] || exit "$status"

program=examples/compute.py
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "== python3 $program"
python3 "$program"

echo "== asynctranslate --to=cpp $program (g++, Boost.Asio)"
"$build/src/cli/asynctranslate" --to=cpp "$program" -o "$out/cpp/compute.cpp" --emit-cmake
cmake -S "$out/cpp" -B "$out/cpp/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$out/cpp/build" -j "$(nproc)" >/dev/null
find "$out/cpp/build" -maxdepth 1 -type f -perm -u+x -exec {} \;

echo "== asynctranslate --to=cs $program"
if command -v dotnet >/dev/null 2>&1; then
  "$build/src/cli/asynctranslate" --to=cs "$program" -o "$out/cs/Compute.cs" --emit-csproj
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet run --project "$out/cs" -v q
else
  "$build/src/cli/asynctranslate" --to=cs "$program"
  echo "(dotnet is not installed: the C# above was not built)"
fi
