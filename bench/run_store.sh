#!/usr/bin/env bash
# Runs the quote-index benchmark (issue 5): builds a database from the PolNeAR
# train texts replicated to >= 1M quotes and prints indexing speed, query
# latency and size. Not part of `make test`. Extra arguments go to the
# benchmark, e.g. --target-quotes 100000 for a quick run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build}
cmake --build "$build" --target store_benchmark >/dev/null
db=$(mktemp -d)/bench.db
trap 'rm -rf "$(dirname "$db")"' EXIT
"$build/store_benchmark" --corpus "$here/../shared/corpora/polnear/train/text" --db "$db" "$@"
