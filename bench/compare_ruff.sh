#!/usr/bin/env bash
# Compares asynclint with ruff on ruff's own ASYNC codes over a file list and
# prints agreement per code, plus the findings only one tool reports.
# Usage: bench/compare_ruff.sh [LISTFILE] [ASYNCLINT]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="${1:-$here/corpus-async.txt}"
asynclint="${2:-$here/../build/src/cli/asynclint}"
out="${COMPARE_OUT:-$(mktemp -d)}"
# Ruff codes asynclint implements with the same meaning.
codes="ASYNC100,ASYNC109,ASYNC110,ASYNC115,ASYNC116,ASYNC119,ASYNC210,ASYNC212,ASYNC220,ASYNC221,ASYNC222,ASYNC230,ASYNC240,ASYNC250,ASYNC251"

[ -d "$here/ruff/node_modules" ] || (cd "$here/ruff" && npm ci --no-audit --no-fund --loglevel=error)
node "$here/ruff/ruff_check.mjs" "@$list" 2>/dev/null |
  awk -v codes=",$codes," '{ split($0, a, ": "); c = a[2]; sub(/ .*/, "", c); if (index(codes, "," c ",")) print a[1] ": " c }' |
  sort -u > "$out/ruff.txt"
xargs -a "$list" -d '\n' "$asynclint" --select "$codes" -q 2>/dev/null |
  awk '{ split($0, a, ": "); c = a[2]; sub(/ .*/, "", c); print a[1] ": " c }' | sort -u > "$out/asynclint.txt" || true

comm -12 "$out/ruff.txt" "$out/asynclint.txt" > "$out/both.txt"
comm -23 "$out/ruff.txt" "$out/asynclint.txt" > "$out/ruff_only.txt"
comm -13 "$out/ruff.txt" "$out/asynclint.txt" > "$out/asynclint_only.txt"
printf "%-9s %6s %6s %6s %10s\n" code ruff both ours-only ruff-only
for c in ${codes//,/ }; do
  r=$(grep -c " $c\$" "$out/ruff.txt" || true)
  b=$(grep -c " $c\$" "$out/both.txt" || true)
  o=$(grep -c " $c\$" "$out/asynclint_only.txt" || true)
  x=$(grep -c " $c\$" "$out/ruff_only.txt" || true)
  printf "%-9s %6s %6s %6s %10s\n" "$c" "$r" "$b" "$o" "$x"
done
echo "files: $(wc -l < "$list"); details in $out (both.txt, ruff_only.txt, asynclint_only.txt)"
