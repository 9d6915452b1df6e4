#!/usr/bin/env bash
# Runs every fuzz target for a bounded time on its seed corpus and prints
# one line per target: executions, corpus size, and whether it found a
# crash, a leak or a slow input. Exit status 1 when any target did.
# Usage: fuzz/run.sh FUZZ_BUILD_DIR SEED_DIR SECONDS [TARGET...]
set -uo pipefail
build=$1 seeds=$2 seconds=$3
shift 3
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(plain_text html warc jsonl attribution server)
fi
logs=$build/fuzz-logs
mkdir -p "$logs" "$build/fuzz-artifacts"
status=0
printf '%-12s %10s %8s %8s  %s\n' target executions exec/s corpus outcome
for t in "${targets[@]}"; do
  bin=$build/${t}_fuzzer
  corpus=$build/fuzz-corpus/$t
  mkdir -p "$corpus"
  # -timeout: an input that takes longer is a hang, reported as a finding.
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$t-" \
    "$corpus" "$seeds/$t" > "$logs/$t.log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$t.log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  outcome=clean
  if [ $rc -ne 0 ]; then
    outcome="FOUND (exit $rc): $(grep -m1 -E 'ERROR|SUMMARY|deadly|timeout|invariant' "$logs/$t.log")"
    status=1
  fi
  printf '%-12s %10s %8s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$size" "$outcome"
done
[ $status -ne 0 ] && echo "fuzz: findings in $build/fuzz-artifacts, logs in $logs" >&2
exit $status
