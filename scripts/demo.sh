#!/usr/bin/env bash
# make demo: runs whosaid on the bundled sample articles and prints who said
# what to whom.
set -euo pipefail
bin=${1:-build/whosaid}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" extract "$here"/examples/*.txt > "$out/articles.jsonl"
echo "Wrote $(wc -l < "$out/articles.jsonl") article(s) as JSON Lines."
"$bin" summarize "$out/articles.jsonl"
