#!/bin/sh
# What claimtrail does so far, on the project's own fixtures: extract the
# attributions of one article, then store a three-article story thread and
# say what became of the first article's claims.
set -eu
cd "$(dirname "$0")/.."
ct=./build/claimtrail
echo "== claimtrail extract: who said what in one article"
$ct extract fixtures/articles/reuters-steel-quota-anonymous.txt
db=$(mktemp -d)/demo.db
echo
echo "== claimtrail ingest: a story thread into a fresh store ($db)"
$ct ingest --db "$db" fixtures/threads/arvane-glide-recall/*.txt
echo
echo "== claimtrail track 1: the first article's claims against the later ones"
$ct track --db "$db" 1
echo
echo "== claimtrail report 1 --format html: a page to publish"
$ct report --db "$db" --format html -o "${db%.db}.html" 1
echo "written: ${db%.db}.html"
