#!/usr/bin/env bash
# make bench: HTML extraction speed against packaged parsers, extraction
# quality on the dev pages, and the 1-to-2-thread speed-up of whosaid extract.
# Reads ../shared at run time; writes nothing into the repository.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
pages=${PAGES:-$here/../shared/corpora/readability/pages}
echo "== HTML: pages/s on one core (whosaid vs myhtml and gumbo parse-only)"
"$build/html_benchmark" "$pages" 5
echo
echo "== Extraction quality on $pages"
"$build/whosaid" eval extraction "$pages"
echo
echo "== whosaid extract on a WARC.gz of the dev pages: 1 vs 2 threads"
"$here/bench/threads.sh" "$build" "$pages"
echo
echo "== Side by side: whosaid vs Readability.js vs readability-lxml (one core each)"
if command -v node >/dev/null && /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  "$here/bench/extraction/compare.sh" "$build" "$pages"
else
  echo "skipped: needs node + npm and python3-readability"
fi
