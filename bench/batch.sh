#!/bin/sh
# Batch benchmark (not in CI; needs about 5 GB of free disk): a JSON-lines
# batch of about 1 GB generated from the PolNeAR train+dev texts (each article
# made distinct: its own id, date and a closing line), run through
# `extract --format jsonl` and
# through `ingest`; prints MB/s, articles/s and peak memory (GNU time).
#
#   sh bench/batch.sh [MB] [WORKDIR]      (defaults: 1000 MB, /tmp/claimtrail-batch)
set -eu
cd "$(dirname "$0")/.."
mb=${1:-1000}
work=${2:-/tmp/claimtrail-batch}
corpus=../shared/corpora/polnear
mkdir -p "$work"
df -h "$work" | tail -1
python3 - "$corpus" "$work/batch.jsonl" "$mb" <<'PY'
import glob, json, os, sys
corpus, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
texts = [open(p, encoding="utf-8").read() for split in ("train", "dev")
         for p in sorted(glob.glob(os.path.join(corpus, split, "text", "*.txt")))]
target, written, n = mb * 1e6, 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        t = texts[n % len(texts)]
        line = json.dumps({"id": f"a{n}", "outlet": f"Outlet {n % 7}",
                           "published": f"{2015 + n // 336 % 10:04d}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}",
                           "text": t + f"\n\n(Copy {n} of the benchmark batch.)\n"}) + "\n"
        f.write(line)
        written += len(line.encode("utf-8"))
        n += 1
print(f"batch: {n} articles, {written / 1e6:.0f} MB")
PY
size=$(stat -c %s "$work/batch.jsonl")
articles=$(wc -l < "$work/batch.jsonl")
run() {  # label, command...
  label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || true
  read secs kb < "$work/time"
  awk -v l="$label" -v s="$secs" -v kb="$kb" -v b="$size" -v n="$articles" \
    'BEGIN { printf "%s: %.1f s, %.1f MB/s, %.0f articles/s, peak memory %.0f MB\n", l, s, b / 1e6 / s, n / s, kb / 1024 }'
}
run "extract --format jsonl (all cores)" ./build/claimtrail extract --format jsonl --quiet "$work/batch.jsonl"
run "extract --format jsonl --jobs 1" ./build/claimtrail extract --format jsonl --quiet --jobs 1 "$work/batch.jsonl"
rm -f "$work/store.db" "$work/store.db-wal" "$work/store.db-shm"
run "ingest" ./build/claimtrail ingest --quiet --db "$work/store.db" "$work/batch.jsonl"
ls -la "$work/store.db" | awk '{ printf "store: %.0f MB\n", $5 / 1e6 }'
