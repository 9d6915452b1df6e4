#!/usr/bin/env bash
# WARC.gz workload. Builds a WARC.gz from the dev pages (COPIES times, one
# gzip member per record, through the project's WARC writer) in a temp dir,
# then, one core each and in one run:
#   - read speed: whosaid reading every record (inflate + WARC + HTTP, no
#     extraction) against `zcat` and, when installed, isa-l's `igzip -d`
#     decompressing the same file; MB/s of compressed file, best of 3.
# The 1-vs-2-thread extraction workload is bench/threads.sh.
# Usage: bench/warc_read.sh [BUILD_DIR] [PAGES_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
pages=${2:-${PAGES:-$here/../shared/corpora/readability/pages}}
copies=${COPIES:-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
warc=$tmp/bench.warc.gz
"$build/html_benchmark" --make-warc "$pages" "$copies" "$warc" >/dev/null
mb=$(echo "$(stat -c %s "$warc") / 1000000" | bc -l)
pin() { if command -v taskset >/dev/null; then taskset -c "${CORE:-0}" "$@"; else "$@"; fi; }
best() {  # best wall time of 3 runs of "$@", output discarded
  local b=999999
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if (( $(echo "$t < $b" | bc -l) )); then b=$t; fi
  done
  echo "$b"
}
printf 'WARC.gz: %.1f MB compressed, %s records (%s copies of the dev pages)\n' "$mb" \
  "$(($(find "$pages" -mindepth 2 -maxdepth 2 -name source.html | wc -l) * copies))" "$copies"
check=$("$build/html_benchmark" --read-warc "$warc")
echo "check: $check"
t_whosaid=$(best pin "$build/html_benchmark" --read-warc "$warc")
t_zcat=$(best pin zcat "$warc")
printf '%-32s %7.1f MB/s\n' "whosaid read (all records)" "$(echo "$mb / $t_whosaid" | bc -l)"
printf '%-32s %7.1f MB/s   whosaid is %.2fx its speed\n' "zcat" "$(echo "$mb / $t_zcat" | bc -l)" \
  "$(echo "$t_zcat / $t_whosaid" | bc -l)"
if command -v igzip >/dev/null; then
  t_igzip=$(best pin igzip -d -c "$warc")
  printf '%-32s %7.1f MB/s   whosaid is %.2fx its speed\n' "igzip -d (isa-l)" "$(echo "$mb / $t_igzip" | bc -l)" \
    "$(echo "$t_igzip / $t_whosaid" | bc -l)"
fi
# Extraction with 1 and 2 threads on such a file: bench/threads.sh.
