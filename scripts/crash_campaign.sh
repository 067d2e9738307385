#!/bin/sh
# A long crash campaign, outside CI: the store's crash test (an ingest batch
# of 150 articles killed with SIGKILL again and again, at random times, on
# writes to the log and inside commits, then finished) with many kills,
# followed by its checks: SQLite's and FTS5's integrity checks, every article
# stored exactly once with exactly the claims extract gives.
#
# usage: scripts/crash_campaign.sh [KILLS] [BUILD_DIR]
#   KILLS      default 200 (the test suite runs 20)
#   BUILD_DIR  default build (needs claimtrail and tests/claimtrail_tests)
# CLAIMTRAIL_CRASH_SEED=N replays a campaign's kill points (the seed is printed).
set -eu
cd "$(dirname "$0")/.."
kills=${1:-200}
build=${2:-build}
tests=$build/tests/claimtrail_tests
[ -x "$tests" ] || { echo "crash_campaign: no $tests (build first)" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
status=0
CLAIMTRAIL_CRASH_KILLS=$kills "$tests" -tc='*killed at many points*' >"$log" 2>&1 || status=$?
seconds=$(( $(date +%s) - start ))
summary=$(sed -n 's/.*MESSAGE: crash summary: //p' "$log")
if [ "$status" -ne 0 ] || [ -z "$summary" ]; then
  cat "$log"
  echo "crash campaign: FAILED (exit $status) after $seconds s${summary:+; $summary}"
  exit 1
fi
echo "crash campaign: $summary; $seconds s"
