#!/usr/bin/env bash
# Runs the test suite (`make test`, the README's test command) under three conditions, to show
# that no test depends on the machine's speed:
#   as-is    the machine as it is
#   pinned   the whole run pinned to one CPU (taskset -c 0): half the cores, twice the contention
#   loaded   both cores saturated by stress-ng (--cpu N), started and stopped by this script
# Usage: scripts/test-under-stress.sh [--runs N] [--conditions as-is,pinned,loaded]
# Prints one line per run (condition, run, pass/fail, wall seconds) and a summary; exits 1 if
# any run failed. Logs go to ${STRESS_LOG_DIR:-/tmp/dtekit-stress}. CI does not run this.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=5
conditions="as-is,pinned,loaded"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --conditions) conditions="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--conditions as-is,pinned,loaded]" >&2; exit 2 ;;
  esac
done

DTEKIT_BOOTSTRAP_EXTRA="stress-ng util-linux" bash scripts/bootstrap.sh || exit 1
logdir="${STRESS_LOG_DIR:-/tmp/dtekit-stress}"
mkdir -p "$logdir"
make build-tests >"$logdir/build.log" 2>&1 || { echo "build failed: see $logdir/build.log" >&2; exit 1; }

stress_pid=""
stop_stress() { [ -n "$stress_pid" ] && kill "$stress_pid" 2>/dev/null; wait "$stress_pid" 2>/dev/null; stress_pid=""; }
trap stop_stress EXIT INT TERM

declare -A passed failed
failures=0
IFS=',' read -ra conds <<<"$conditions"
for cond in "${conds[@]}"; do
  passed[$cond]=0; failed[$cond]=0
  prefix=()
  case "$cond" in
    as-is) ;;
    pinned) prefix=(taskset -c 0) ;;
    loaded) stress-ng --cpu "$(nproc)" --timeout 0 --quiet & stress_pid=$! ;;
    *) echo "unknown condition $cond" >&2; exit 2 ;;
  esac
  for i in $(seq 1 "$runs"); do
    log="$logdir/$cond-$i.log"
    start=$(date +%s)
    if "${prefix[@]}" make test >"$log" 2>&1; then result=pass; passed[$cond]=$((passed[$cond] + 1))
    else result=FAIL; failed[$cond]=$((failed[$cond] + 1)); failures=$((failures + 1)); fi
    summary=$(grep -E "Test run with" "$log" | tail -n 1)
    echo "$cond run $i: $result in $(( $(date +%s) - start )) s — ${summary:-no summary, see $log}"
  done
  stop_stress
done

echo
for cond in "${conds[@]}"; do echo "$cond: ${passed[$cond]} passed, ${failed[$cond]} failed"; done
[ "$failures" -eq 0 ]
