#!/bin/sh
# Renders the seed article's HTML report with headless Chromium (Debian's
# `chromium`) at 1280 and 390 pixels wide, into docs/. Needs ../shared (the
# seed and its follow-up fixture) and a built ./build/claimtrail.
set -eu
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ct=./build/claimtrail
$ct ingest -q --db "$tmp/s.db" --published 2024-09-06 ../shared/seeds/reuters-2024-09-06-us-iraq-withdrawal.txt
$ct ingest -q --db "$tmp/s.db" fixtures/threads/us-iraq-coalition/02-coalition-mission-end-announced.txt
$ct track --db "$tmp/s.db" 1 >/dev/null
$ct report --db "$tmp/s.db" --format html -o "$tmp/report.html" 1
for w in 1280 390; do
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars \
    --window-size="$w,2600" --screenshot="docs/report-seed-$w.png" "file://$tmp/report.html" 2>/dev/null
  echo "docs/report-seed-$w.png"
done
