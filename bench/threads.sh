#!/usr/bin/env bash
# Threads workload: `whosaid extract --threads 1` against `--threads 2` on
# the same WARC.gz, side by side in one run. The WARC.gz is built from the
# dev pages by the project's WARC writer (html_benchmark --make-warc, one
# gzip member per record, as CC-NEWS), the pages repeated COPIES times.
# Runs alternate 1, 2, 1, 2, ... REPEATS times each so that load from other
# processes falls on both; the best and the median wall time are reported,
# with pages/s, the speed-up (1-thread time / 2-thread time) and the CPU
# time used (user + sys). "cores used" is median CPU time over median wall
# time: near 2 with 2 threads means both cores were had; near 1 means other
# load took one, and the speed-up says nothing about whosaid. Each run's
# output is checked: both thread counts must write the same bytes and one
# article per page.
# With --threads 1 whosaid reads, extracts and writes on one thread; with 2
# a reader thread inflates and parses the WARC while two workers extract.
# Usage: bench/threads.sh [BUILD_DIR] [PAGES_DIR]   (env: COPIES, REPEATS,
#   WHOSAID to time another binary)
set -euo pipefail
build=${1:-build}
whosaid=${WHOSAID:-$build/whosaid}  # the binary timed
here=$(cd "$(dirname "$0")/.." && pwd)
pages=${2:-${PAGES:-$here/../shared/corpora/readability/pages}}
copies=${COPIES:-20}
repeats=${REPEATS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
warc=$tmp/bench.warc.gz
"$build/html_benchmark" --make-warc "$pages" "$copies" "$warc" >/dev/null
records=$(($(find "$pages" -mindepth 2 -maxdepth 2 -name source.html | wc -l) * copies))
printf 'WARC.gz: %.1f MB compressed, %s records (%s copies of the dev pages), %s cores\n' \
  "$(echo "$(stat -c %s "$warc") / 1000000" | bc -l)" "$records" "$copies" "$(nproc)"
echo "load before: $(uptime | sed 's/.*load average/load average/')"

declare -A times cpu
for ((r = 1; r <= repeats; r++)); do
  for t in 1 2; do
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$whosaid" extract --threads "$t" "$warc" \
      >"$tmp/out$t.jsonl" 2>/dev/null
    read -r wall user sys <"$tmp/time"
    times[$t]+="$wall "
    cpu[$t]+="$(echo "$user + $sys" | bc -l) "
    lines=$(wc -l <"$tmp/out$t.jsonl")
    if [ "$lines" != "$records" ]; then
      echo "check failed: --threads $t wrote $lines articles, expected $records" >&2
      exit 1
    fi
  done
  if ! cmp -s "$tmp/out1.jsonl" "$tmp/out2.jsonl"; then
    echo "check failed: --threads 1 and 2 wrote different output" >&2
    exit 1
  fi
done
echo "load after:  $(uptime | sed 's/.*load average/load average/')"
echo "check: $records articles, identical output for 1 and 2 threads"

stat_of() {  # best and median of the times given
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m}'
}
read -r best1 med1 <<<"$(stat_of ${times[1]})"
read -r best2 med2 <<<"$(stat_of ${times[2]})"
printf '%-10s %8s %9s %13s %12s %14s %11s\n' "" "best s" "median s" "best pages/s" "med pages/s" "median CPU s" "cores used"
for t in 1 2; do
  b=best$t m=med$t
  read -r _ cpu_med <<<"$(stat_of ${cpu[$t]})"
  printf '%-10s %8.2f %9.2f %13.0f %12.0f %14.2f %11.2f\n' "threads $t" "${!b}" "${!m}" \
    "$(echo "$records / ${!b}" | bc -l)" "$(echo "$records / ${!m}" | bc -l)" "$cpu_med" \
    "$(echo "$cpu_med / ${!m}" | bc -l)"
done
printf 'speed-up 1 -> 2 threads: %.2fx (best), %.2fx (median)\n' \
  "$(echo "$best1 / $best2" | bc -l)" "$(echo "$med1 / $med2" | bc -l)"
