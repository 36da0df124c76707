#!/usr/bin/env bash
# Runs the browser tests: installs Debian's Chromium, Node.js/npm and the pinned npm packages
# when they are missing, then runs node's test runner against the real server.
# usage: run-browser-tests.sh SERVER_BIN INDEXER_BIN OUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -eq 3 ] || { echo "usage: $0 SERVER_BIN INDEXER_BIN OUT_DIR" >&2; exit 2; }

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "browser tests: installing $*"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@"
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
# Debian's npm conflicts with NodeSource's nodejs (which bundles npm), so only ask for it when absent.
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

# npm ci (which wipes node_modules) only when nothing is installed yet or the lock file changed.
stamp="$here/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

export NEWS_SERVER_BIN=$1 NEWS_INDEXER_BIN=$2 NEWS_BROWSER_OUT=$3
export NEWS_CORPUS_DIR="$root/data/corpus" NEWS_WEB_DIR="$root/web"
mkdir -p "$NEWS_BROWSER_OUT"
cd "$here"
exec node --test --test-reporter=spec highlight.test.mjs dates.test.mjs state.test.mjs search-page.test.mjs
