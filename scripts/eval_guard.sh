#!/usr/bin/env bash
# Fails (exit 1) when the engine's scores on PolNeAR dev fall below the floors
# in tests/eval_floors.txt. The comparison is done by `whosaid eval --floors`,
# which names every score below its floor on stderr; this script only runs it
# and keeps the JSON report in build/eval_dev.json.
# Usage: scripts/eval_guard.sh [DEV_DIR]   (run `make` first)
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${WHOSAID_BIN:-build/whosaid}
dev=${1:-../shared/corpora/polnear/dev}
floors=tests/eval_floors.txt
report=build/eval_dev.json

if [ ! -x "$bin" ]; then
  echo "eval_guard: $bin not found; run 'make' first" >&2
  exit 1
fi
"$bin" eval polnear "$dev" --json --floors "$floors" > "$report"
rc=$?
case $rc in
  0) echo "eval_guard: all scores at or above $floors (report: $report)" ;;
  3) echo "eval_guard: FAILED: scores below their floors, named above (report: $report)" >&2 ;;
  *) echo "eval_guard: FAILED: '$bin eval polnear $dev' exited $rc" >&2 ;;
esac
[ $rc -eq 0 ] || exit 1
