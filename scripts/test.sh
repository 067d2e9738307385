#!/bin/sh
# Sets up a fresh Debian machine (as root) and runs every test, twice:
#  1. the release build (g++; scripts/setup.sh), warnings as errors: the whole suite;
#  2. one clang build under AddressSanitizer and UndefinedBehaviorSanitizer
#     with the libFuzzer harnesses (build-asan/): the whole suite again,
#     each harness's committed corpus replayed and a short fuzz of each
#     (CLAIMTRAIL_FUZZ_SMOKE_SECONDS, default 10), and clang-format's check.
# .ci/run runs exactly this. CLAIMTRAIL_SKIP_ASAN=1 runs the first part only.
set -eu
cd "$(dirname "$0")/.."
# Warnings are errors here (not in scripts/setup.sh, which builds for users).
CLAIMTRAIL_CMAKE_ARGS="-DCLAIMTRAIL_WARNINGS_AS_ERRORS=ON ${CLAIMTRAIL_CMAKE_ARGS:-}" sh scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
[ "${CLAIMTRAIL_SKIP_ASAN:-0}" = 1 ] && exit 0

PKGS="clang libclang-rt-14-dev clang-format"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "test: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $missing >/dev/null
fi
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMTRAIL_FUZZ=ON \
  -DCLAIMTRAIL_WARNINGS_AS_ERRORS=ON \
  -DCLAIMTRAIL_FUZZ_SMOKE_SECONDS="${CLAIMTRAIL_FUZZ_SMOKE_SECONDS:-10}" >/dev/null
cmake --build build-asan -j"$(nproc)"
cmake --build build-asan --target format-check  # the house style (.clang-format)
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
