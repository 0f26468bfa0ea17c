#!/usr/bin/env bash
# Builds a list of real-world Python files (CPython 3.11 stdlib + async
# libraries from Debian bookworm) for benchmarking and for comparing against
# the ruff reference linter.
#
#   bench/corpus.sh [--async-only] [OUT]
#
# OUT defaults to bench/corpus.txt (bench/corpus-async.txt with --async-only).
# Installs the Debian packages below when missing (needs root or sudo).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
stdlib=/usr/lib/python3.11
dist=/usr/lib/python3/dist-packages

# "debian-package:import-root[,import-root...]"; roots are dirs under $dist.
# Packages missing from the archive are skipped, so the list can stay as is.
libs=(
  python3-aiohttp:aiohttp
  python3-httpx:httpx
  python3-anyio:anyio
  python3-asyncssh:asyncssh
  python3-aioxmpp:aioxmpp
  python3-django:django
  python3-trio:trio
  python3-tornado:tornado
  python3-slixmpp:slixmpp
  python3-websockets:websockets
  python3-aiofiles:aiofiles
  python3-aiosqlite:aiosqlite
  python3-uvicorn:uvicorn
  python3-starlette:starlette
  python3-fastapi:fastapi
  python3-quart:quart
  python3-hypercorn:hypercorn
  python3-asyncpg:asyncpg
  python3-aiosmtpd:aiosmtpd
  python3-aiodns:aiodns
  python3-pytest-asyncio:pytest_asyncio
  python3-aioredis:aioredis
  python3-janus:janus
  python3-aiopg:aiopg
  python3-aiomysql:aiomysql
  python3-motor:motor
  # Async dependencies the above pull in anyway.
  python3-httpcore:httpcore
  python3-h11:h11
  python3-sniffio:sniffio
  python3-asgiref:asgiref
  python3-async-generator:async_generator
  python3-async-timeout:async_timeout
  python3-aiosignal:aiosignal
  python3-outcome:outcome
  python3-aioopenssl:aioopenssl
  python3-aiosasl:aiosasl
)
# The stdlib's own test suite (test_asyncio etc.) lives in a separate package.
stdlib_pkgs=(libpython3.11-stdlib libpython3.11-testsuite)

async_only=0
out=
for arg in "$@"; do
  case $arg in
    --async-only) async_only=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "corpus.sh: unknown option $arg" >&2; exit 2 ;;
    *) out=$arg ;;
  esac
done
if [[ -z $out ]]; then
  if ((async_only)); then out=$here/corpus-async.txt; else out=$here/corpus.txt; fi
fi

pkgs=("${libs[@]%%:*}")
((async_only)) || pkgs+=("${stdlib_pkgs[@]}")

# Only touch apt when something is missing, so reruns are fast and need no root.
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=
  ((EUID == 0)) || sudo=sudo
  avail=()
  for p in "${missing[@]}"; do
    cand=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [[ -n $cand && $cand != "(none)" ]]; then avail+=("$p"); else echo "corpus.sh: skipping $p (not in the archive)" >&2; fi
  done
  if ((${#avail[@]})); then
    echo "corpus.sh: installing ${avail[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    # A stale package index is the usual failure: refresh once and retry.
    $sudo apt-get install -y -q --no-install-recommends "${avail[@]}" >&2 ||
      { $sudo apt-get update -q >&2 && $sudo apt-get install -y -q --no-install-recommends "${avail[@]}" >&2; }
  fi
fi

roots=()
((async_only)) || roots+=("$stdlib")
for entry in "${libs[@]}"; do
  IFS=, read -ra names <<<"${entry#*:}"
  for n in "${names[@]}"; do
    if [[ -d $dist/$n ]]; then roots+=("$dist/$n"); else echo "corpus.sh: no $dist/$n, skipped" >&2; fi
  done
done

# C collation keeps the list byte-for-byte stable across machines.
mkdir -p "$(dirname "$out")"
find "${roots[@]}" -type f -name '*.py' -print | LC_ALL=C sort >"$out"

files=$(wc -l <"$out")
# stat, not du: du counts hard-linked files once.
bytes=$(tr '\n' '\0' <"$out" | xargs -0 -r stat -c %s | awk '{ s += $1 } END { print s + 0 }')
awk -v f="$files" -v b="$bytes" -v o="$out" \
  'BEGIN { printf "%s: %d files, %.1f MB (%d bytes)\n", o, f, b / 1e6, b }'
