#!/usr/bin/env bash
# Rewrites known_gaps.txt from what the translator reports today: for each
# target, the first diagnostic of every program that does not translate.
#   bash tests/translate/programs/known_gaps.sh [ASYNCTRANSLATE_BINARY]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tool="${1:-$here/../../../build/src/cli/asynctranslate}"
cd "$here"
{
  echo "# Programs of this suite that stop at a located diagnostic today, one line per"
  echo "# target: TARGET NAME LINE:COL: WHAT (the first diagnostic). The compile-and-run"
  echo "# tests check that each still stops exactly there, and fail once it translates:"
  echo "# then its line goes. Regenerate with: bash tests/translate/programs/known_gaps.sh"
  for target in cs cpp; do
    for dir in */; do
      name="${dir%/}"
      first=$("$tool" --to="$target" "$name/input.py" -o /dev/null 2>&1 | head -n 1 || true)
      [ -z "$first" ] || echo "$target $name $(echo "$first" | sed -E 's/^[^:]*:([0-9]+):([0-9]+): unsupported: /\1:\2: /')"
    done
  done
} > known_gaps.txt
