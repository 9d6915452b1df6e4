#!/usr/bin/env bash
# Reader server benchmark (issue 6): wrk against /api/quotes on a 100K-quote
# index, loopback only, fixed duration. Builds the index from examples/ with
# store_benchmark's replicator in a temp dir (nothing generated is kept), serves it on
# a free 127.0.0.1 port, checks one response, then runs wrk and checks the
# targets: >= 5,000 requests/s and p99 < 20 ms. Repeated requests for one URL
# are answered from the server's response cache (valid until the index
# changes), so a second run requests 5,000 different shallow pages (server_varied.lua)
# and reports the uncached figures too.
# Usage: bench/run_server.sh [--quotes N] [--duration SECONDS] [--connections N]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build}
quotes=100000 duration=15 connections=8
while [ $# -gt 0 ]; do
  case "$1" in
    --quotes) quotes=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "usage: $0 [--quotes N] [--duration S] [--connections N]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: make deps" >&2; exit 1; }
cmake --build "$build" --target whosaid store_benchmark >/dev/null
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
echo "building a ${quotes}-quote index (bundled examples replicated by store_benchmark)..."
"$build/store_benchmark" --corpus "$here/examples" --target-quotes "$quotes" --queries 1 --db "$work/q.db" >"$work/build.log" 2>&1
"$build/whosaid" serve "$work/q.db" --port 0 --threads 8 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.err" >&2; exit 1; }
health=$(curl -s "$url/api/health")
echo "index: $health"
stored=$(echo "$health" | sed -n 's/.*"quotes":\([0-9]*\).*/\1/p')
[ "${stored:-0}" -ge "$quotes" ] || { echo "FAIL: index holds ${stored:-0} quotes, wanted $quotes" >&2; exit 1; }
path="/api/quotes?limit=20"
count=$(curl -s "$url$path" | grep -o '"count":[0-9]*' | cut -d: -f2)
[ "$count" = 20 ] || { echo "FAIL: $path returned count=$count, wanted 20" >&2; exit 1; }
echo "wrk: ${duration}s, 2 threads, $connections connections, GET $path"
wrk -t2 -c"$connections" -d"${duration}s" --latency "$url$path" | tee "$work/wrk.txt"
rps=$(awk '/^Requests\/sec:/ {print int($2)}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
p99_ms=$(echo "$p99" | awk '/us$/ {sub("us",""); print $1/1000; next} /ms$/ {sub("ms",""); print $1; next} /s$/ {sub("s",""); print $1*1000}')
errors=$(grep -c 'Non-2xx\|Socket errors' "$work/wrk.txt" || true)
echo "wrk: ${duration}s, uncached: 5,000 different pages (bench/server_varied.lua)"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/bench/server_varied.lua" "$url" | tee "$work/wrk_varied.txt"
echo "uncached: $(awk '/^Requests\/sec:/ {print int($2)}' "$work/wrk_varied.txt") requests/s, p99 $(awk '$1 == "99%" {print $2}' "$work/wrk_varied.txt")"
echo "result: ${rps} requests/s, p99 ${p99_ms} ms, error lines: ${errors}"
ok=$(awk -v r="$rps" -v p="$p99_ms" 'BEGIN {print (r >= 5000 && p < 20) ? "yes" : "no"}')
[ "$errors" = 0 ] && [ "$ok" = yes ] && echo "PASS: >= 5000 req/s and p99 < 20 ms" || { echo "FAIL: targets are >= 5000 req/s, p99 < 20 ms, no errors"; exit 1; }
