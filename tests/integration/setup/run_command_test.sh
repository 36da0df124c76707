#!/usr/bin/env bash
# The README's first command end to end: `scripts/run` installs what is missing (nothing, once the
# tests are built), builds (nothing to do), indexes data/corpus into a fresh index and serves it.
# Only its arguments differ from a user's: loopback, a free port, an index of its own.
# usage: run_command_test.sh PROJECT_DIR BUILD_DIR BUILD_TYPE — each check prints ok/FAIL.
set -u
root=$1 build=$2 build_type=$3
work=$(mktemp -d /tmp/run-command-test.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"' EXIT
# shellcheck source=SCRIPTDIR/../checks.sh
. "$(dirname "$0")/../checks.sh"

# BUILD_DIR and BUILD_TYPE keep scripts/build on the tree under test, configured as it is.
(cd "$work" && BUILD_DIR=$build BUILD_TYPE=$build_type SEARCH_INDEX=$work/index \
  exec bash "$root/scripts/run" --bind 127.0.0.1 --port 0 --no-access-log) >"$work/log" 2>&1 &
pid=$!

port=""
for _ in $(seq 1 600); do  # a build that is not up to date may take minutes
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/log" | head -1)
  [ -n "$port" ] || ! kill -0 "$pid" 2>/dev/null && break
  sleep 0.5
done
check "scripts/run starts the server" test -n "$port"
if [ -z "$port" ]; then cat "$work/log"; summary; exit 1; fi
check "it indexed the bundled pages into the index it was given" contains "$work/log" "indexed 11,"
check "the index is where SEARCH_INDEX says" test -d "$work/index"

url=http://127.0.0.1:$port
check "the server is healthy" curl -fsS -o /dev/null "$url/healthz"
curl -fsS "$url/api/search?q=Foxconn+Nissan+Oppama" >"$work/search"
check "the README's search finds the Foxconn story first" \
  test "$(jq -r '.hits[0].id' "$work/search")" = 001_e7c17cc93f2e231c-0
check "with a highlighted snippet" contains "$work/search" '<mark>Foxconn</mark>'
curl -fsS "$url/" >"$work/page"
check "the search page is served" contains "$work/page" '<form'

kill -TERM "$pid"
wait "$pid"; rc=$?
pid=""
check "SIGTERM stops it cleanly" test "$rc" -eq 0

summary
