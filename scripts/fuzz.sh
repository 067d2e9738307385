#!/bin/sh
# A fuzzing campaign: each harness of build-fuzz/ (see fuzz/CMakeLists.txt)
# runs SECONDS, LANES at a time (default: one per core), niced (NICE, default
# 19), under ASan and
# UBSan, growing a work corpus in WORK (default /var/tmp/claimtrail-fuzz)
# seeded from fuzz/corpus/NAME and the fixtures. Each run appends one line to
# WORK/campaign.tsv: harness, CPU seconds, executions, exec/s, coverage
# (edges), features, crashes. Crashing inputs are kept in WORK/NAME/crashes/.
# Afterwards `scripts/fuzz.sh --minimise` merges each work corpus into
# fuzz/corpus/NAME (libFuzzer -merge=1: the smallest set with the same
# coverage), which CI replays.
#
#   sh scripts/fuzz.sh [SECONDS] [HARNESS...]     e.g. sh scripts/fuzz.sh 1800
#   sh scripts/fuzz.sh --minimise
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-fuzz}
WORK=${WORK:-/var/tmp/claimtrail-fuzz}
LANES=${LANES:-$(nproc)}
ALL="extract html front_matter brat jsonl fts"
mkdir -p "$WORK"

seeds() {  # extra read-only seed folders for a harness
  case $1 in
    extract) echo fixtures/articles ;;
    html) echo fixtures/html ;;
    brat) echo fixtures/brat/attributions ;;
    *) ;;
  esac
}

if [ "${1:-}" = "--minimise" ]; then
  for h in $ALL; do
    [ -x "$BUILD/fuzz/fuzz_$h" ] && [ -d "$WORK/$h/corpus" ] || continue
    mkdir -p "fuzz/corpus/$h"
    new=$(mktemp -d)
    "$BUILD/fuzz/fuzz_$h" -merge=1 -rss_limit_mb=4096 -timeout=30 "$new" "fuzz/corpus/$h" "$WORK/$h/corpus" >/dev/null 2>&1
    # (each finding's input, regression-*, stays under its name)
    find "fuzz/corpus/$h" -type f ! -name 'regression-*' -delete
    cp "$new"/* "fuzz/corpus/$h"/ 2>/dev/null || true
    rm -rf "$new"
    echo "fuzz/corpus/$h: $(ls "fuzz/corpus/$h" | wc -l) inputs, $(du -sk "fuzz/corpus/$h" | cut -f1) KiB"
  done
  exit 0
fi

SECONDS_EACH=${1:-600}
[ $# -gt 0 ] && shift
HARNESSES=${*:-$ALL}
[ -f "$WORK/campaign.tsv" ] || printf 'harness\tcpu_s\texecs\texec_per_s\tcov\tft\tcrashes\tended\n' > "$WORK/campaign.tsv"

run_one() {
  h=$1
  mkdir -p "$WORK/$h/corpus" "$WORK/$h/crashes"
  log="$WORK/$h/run-$(date +%s).log"
  : > "$log.start"  # crashes newer than this are this run's
  # shellcheck disable=SC2046
  # libFuzzer's -timeout is wall-clock time: a niced run beside builds can be
  # starved for seconds, so it is generous (a real hang still stops the run).
  /usr/bin/time -f '%U %S' -o "$log.time" nice -n "${NICE:-19}" "$BUILD/fuzz/fuzz_$h" -max_total_time="$SECONDS_EACH" \
    -timeout=60 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -dict=fuzz/news.dict \
    -artifact_prefix="$WORK/$h/crashes/" "$WORK/$h/corpus" "fuzz/corpus/$h" $(seeds "$h") > "$log" 2>&1 || true
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$log.time")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  crashes=$(find "$WORK/$h/crashes" -type f -newer "$log.start" | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$h" "$cpu" "${execs:-0}" "${rate:-0}" "${cov:-0}" "${ft:-0}" "$crashes" \
    "$(date -u +%FT%TZ)" >> "$WORK/campaign.tsv"
}

# LANES workers, each running its share of the harnesses one after another
# (harness i goes to lane i mod LANES).
lane=0
while [ "$lane" -lt "$LANES" ]; do
  (
    i=0
    for h in $HARNESSES; do
      if [ $((i % LANES)) -eq "$lane" ]; then
        if [ -x "$BUILD/fuzz/fuzz_$h" ]; then
          run_one "$h"
        else
          echo "fuzz.sh: no $BUILD/fuzz/fuzz_$h (build with -DCLAIMTRAIL_FUZZ=ON)" >&2
        fi
      fi
      i=$((i + 1))
    done
  ) &
  lane=$((lane + 1))
done
wait
column -t "$WORK/campaign.tsv"
