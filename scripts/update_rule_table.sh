#!/usr/bin/env bash
# Regenerates the README's rule table from the rule catalog.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
table="$("${ASYNCLINT:-$root/build/src/cli/asynclint}" rule --table)"
python3 - "$root/README.md" "$table" <<'PY'
import re, sys
path, table = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
start = text.index("<!-- rule-table")
start = text.index("\n", start) + 1
end = text.index("<!-- end rule-table -->")
open(path, "w", encoding="utf-8").write(text[:start] + table + "\n" + text[end:])
PY
