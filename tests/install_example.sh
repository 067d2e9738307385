#!/bin/sh
# Installs claimtrail into a temporary prefix, builds examples/ against it
# with find_package(claimtrail), and runs the example on a fixture.
set -eu
src=$1
build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$src/examples" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$tmp/example" -j2 >/dev/null
test -x "$tmp/prefix/bin/claimtrail"
"$tmp/example/who_said_what" "$src/fixtures/articles/reuters-steel-quota-anonymous.txt" "$tmp/store.db" | tee "$tmp/out"
grep -q "attributed statements" "$tmp/out"
