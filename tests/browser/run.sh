#!/usr/bin/env bash
# Browser tests of the reader: indexes the bundled examples plus a hostile
# article into a temporary DB, serves it on a free loopback port, and runs
# reader.test.mjs in headless Debian chromium through playwright-core.
# Usage: tests/browser/run.sh [path/to/whosaid]   (needs `npm ci` here first)
# With SCREENSHOTS=DIR it also writes the README's screenshots into DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/whosaid}
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" index "$work/q.db" "$root"/examples/*.txt "$here"/fixtures/*.txt >/dev/null 2>&1
"$bin" serve "$work/q.db" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "browser tests: the server did not start" >&2
  cat "$work/serve.err" >&2
  exit 1
fi
cd "$here"
WHOSAID_URL=$url node --test --test-concurrency=1 reader.test.mjs
if [ -n "${SCREENSHOTS:-}" ]; then
  WHOSAID_URL=$url node screenshots.mjs "$SCREENSHOTS"
fi
