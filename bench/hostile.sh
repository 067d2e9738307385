#!/bin/sh
# Every hostile kind (bench/hostile_inputs.hpp) at MB mebibytes (default 64,
# the input limit), one process each so that each peak memory is its own.
# The bound to hold: each within 60 s and 500 MB.
set -eu
cd "$(dirname "$0")/.."
MB=${1:-64}
BIN=${BIN:-build/claimtrail_bench_hostile}
for kind in cue-repeat cue-mix no-punct open-quotes commas asides names lines floating news; do
  "$BIN" --kind "$kind" --mb "$MB"
done
