#!/bin/sh
# Sets up a fresh Debian machine (as root) and builds claimtrail into ./build.
# Installs the Debian packages the build needs when any is missing.
set -eu
cd "$(dirname "$0")/.."
PKGS="cmake g++ make pkg-config python3 libsqlitecpp-dev libsqlite3-dev libre2-dev libboost-program-options-dev doctest-dev nlohmann-json3-dev libgumbo-dev libjemalloc-dev wordnet-base iso-codes"
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $missing >/dev/null
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release ${CLAIMTRAIL_CMAKE_ARGS:-} >/dev/null
cmake --build build -j"$(nproc)"
