#!/bin/sh
# A short run of one harness: every input of its committed corpus is
# replayed (a crash on any fails the test), then SECONDS of fuzzing with new
# inputs kept in a temporary folder, never in the repository.
# usage: smoke.sh HARNESS CORPUS SECONDS [DICT]
set -eu
harness=$1 corpus=$2 seconds=$3 dict=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/"
[ -n "$dict" ] && set -- "$@" -dict="$dict"
"$harness" "$@" "$work" "$corpus"
