#!/usr/bin/env bash
# Smoke check of the peer harnesses: indexes the first 200 articles of the bench corpus into each
# engine, runs 27 queries (briefly, c=1 and c=2), and fails on any failed query, on an empty
# index, or when a harness is missing. Not timed: the figures it prints mean nothing.
# usage: bench/peers/smoke.sh [BUILD_DIR]   (default: build-peers; needs -DNEWS_BUILD_BENCH=ON)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-peers}
corpus=${NEWS_BENCH_CORPUS:-$root/../shared/bench-corpus/news.jsonl}
queries=${NEWS_BENCH_QUERIES:-$root/../shared/bench-corpus/queries.txt}
command -v jq >/dev/null || { echo "smoke: jq is missing (scripts/install-deps bench)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/peers-smoke.XXXXXX")
chmod 755 "$work"  # the PostgreSQL server runs as user postgres and must reach its data dir
cleanup() {
  for b in bench_postgres bench_sphinx; do
    [ -x "$build/bin/$b" ] && "$build/bin/$b" stop --workdir "$work" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

head -n 200 "$corpus" >"$work/corpus.jsonl"
# 15 word queries and 5 phrases, so both translations are exercised, and queries a user could
# type that must not fail in any engine (operators, quotes, escapes, punctuation, non-ASCII).
{
  grep -v '"' "$queries" | head -n 15
  grep '"' "$queries" | head -n 5
  cat <<'HOSTILE'
it's "unbalanced
back\slash semi;colon -- drop
@title cocoa -bahia (cocoa | sugar) cocoa*
cocoa AND NEAR OR NOT
"""
'
café crème ^start end$ a/b=c<d>e %_% cocoa~2
HOSTILE
} >"$work/queries.txt"

status=0
for b in bench_sqlite bench_postgres bench_sphinx bench_xapian_naive; do
  bin="$build/bin/$b"
  if [ ! -x "$bin" ]; then
    echo "FAIL $b: not built ($bin)"
    status=1
    continue
  fi
  if ! line=$("$bin" index --corpus "$work/corpus.jsonl" --workdir "$work/$b" --label smoke); then
    echo "FAIL $b: index"
    status=1
    continue
  fi
  echo "$line"
  if [ "$(jq -r .articles <<<"$line")" != 200 ]; then
    echo "FAIL $b: indexed $(jq -r .articles <<<"$line") articles, expected 200"
    status=1
  fi
  for c in 1 2; do
    if ! line=$("$bin" query --workdir "$work/$b" --queries "$work/queries.txt" \
      --concurrency "$c" --seconds 1 --warmup 0.2 --label smoke); then
      echo "FAIL $b: query c=$c"
      status=1
      continue
    fi
    echo "$line"
    failed=$(jq -r .failed <<<"$line")
    done_q=$(jq -r .queries <<<"$line")
    hits=$(jq -r .mean_hits <<<"$line")
    if [ "$failed" != 0 ] || [ "$done_q" -lt 20 ] || [ "$(jq -r '.mean_hits > 0' <<<"$line")" != true ]; then
      echo "FAIL $b: c=$c queries=$done_q failed=$failed mean_hits=$hits"
      status=1
    fi
  done
done
[ $status -eq 0 ] && echo "peers smoke: all passed" || echo "peers smoke: FAILED"
exit $status
