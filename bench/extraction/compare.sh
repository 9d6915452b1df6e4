#!/usr/bin/env bash
# Side-by-side extraction speed on the same pages, one core each (taskset),
# in one run: whosaid, Readability.js (npm @mozilla/readability + jsdom,
# installed into bench/extraction/readability_js on first use) and
# readability-lxml (Debian python3-readability). Each system reads all
# pages first and times extraction only; each result is checked (pages
# with article text), so a fast empty answer does not count.
# Usage: bench/extraction/compare.sh [BUILD_DIR] [PAGES_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
pages=${2:-${PAGES:-$here/../../../shared/corpora/readability/pages}}
core=${CORE:-0}
pin() { if command -v taskset >/dev/null; then taskset -c "$core" "$@"; else "$@"; fi; }

if [ ! -d "$here/readability_js/node_modules/@mozilla/readability" ]; then
  (cd "$here/readability_js" && npm install --no-audit --no-fund --silent)
fi

n=$(find "$pages" -mindepth 2 -maxdepth 2 -name source.html | wc -l)
line=$(pin "$build/html_benchmark" "$pages" 5 | grep '^whosaid extract (parse')
whosaid_pps=$(echo "$line" | awk '{for (i = 1; i <= NF; ++i) if ($i == "pages/s") print $(i - 1)}')
js=$(cd "$here/readability_js" && pin node extract.mjs "$pages" | grep '^RESULT')
py=$(pin /usr/bin/python3 "$here/readability_lxml.py" "$pages" | grep '^RESULT')

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
echo "$n pages from $pages, one core (cpu $core) each"
printf '%-18s %10s %12s %s\n' system pages/s "whosaid is" check
printf '%-18s %10.0f %12s %s\n' whosaid "$whosaid_pps" "1.00x" "(html_benchmark, 5 rounds)"
for r in "$js" "$py"; do
  name=$(echo "$r" | awk '{print $2}')
  pps=$(echo "$(field "$r" pages) / $(field "$r" seconds)" | bc -l)
  ratio=$(echo "$whosaid_pps / $pps" | bc -l)
  printf '%-18s %10.1f %11.0fx %s/%s pages with text\n' "$name" "$pps" "$ratio" "$(field "$r" with_text)" "$(field "$r" pages)"
done
