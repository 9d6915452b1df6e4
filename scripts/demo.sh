#!/usr/bin/env bash
# make demo: runs whosaid on the bundled sample articles and prints who said
# what to whom.
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
