#!/usr/bin/env bash
# make demo: runs whosaid on the bundled sample articles, prints who said
# what to whom, then serves the sample index at http://127.0.0.1:8080 in the
# foreground until Ctrl-C.
set -euo pipefail
bin=${1:-build/whosaid}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" extract "$here"/examples/*.txt > "$out/articles.jsonl"
echo "Wrote $(wc -l < "$out/articles.jsonl") article(s) as JSON Lines. Who said what:"
"$bin" index "$out/quotes.db" "$out/articles.jsonl"
echo; echo "Quotes in the index (whosaid search):"
"$bin" search "$out/quotes.db" --limit 10
echo; echo "Who is quoted most (whosaid speakers):"
"$bin" speakers "$out/quotes.db" --top 10
echo
url=http://127.0.0.1:${PORT:-8080}
echo "Serving the sample index at $url (read-only; Ctrl-C stops it)"
echo "  $url"
# Not exec: the EXIT trap removes the temporary index once the server stops.
"$bin" serve "$out/quotes.db" --port "${PORT:-8080}" || true
