#!/usr/bin/env bash
# Sets everything up, then lints the bundled lesson examples.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
cd "$root"
set +e
"${ASYNCLINT_BUILD_DIR:-$root/build}/src/cli/asynclint" examples/
status=$?
set -e
# Exit 1 means "findings", which is what the example is meant to show.
[ "$status" -le 1 ] || exit "$status"
