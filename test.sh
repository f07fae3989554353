#!/bin/sh
# Installs dependencies, builds and runs every test: a -Werror build, the same
# suite under ASan/UBSan, and a short libFuzzer run of each parser.
# LF_QUICK=1 runs only the first stage.
set -eu
cd "$(dirname "$0")"
./scripts/install-deps.sh
./scripts/setup-locales.sh
for extra in tests/*/setup.sh; do        # areas that need a service set it up here
    [ -x "$extra" ] && "$extra"
done
jobs=$(nproc)
export TMPDIR="${TMPDIR:-/tmp}/lapfit-test.$$"   # umockdev leaves testbeds behind if killed
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

echo "== build (warnings are errors) and test"
cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLF_WERROR=ON >/dev/null
cmake --build build-ci -j"$jobs"
ctest --test-dir build-ci -j"$jobs" --output-on-failure --timeout 600
[ "${LF_QUICK:-0}" = 1 ] && exit 0

echo "== ASan/UBSan build and test"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Asan -DLF_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
ctest --test-dir build-asan -j"$jobs" --output-on-failure --timeout 900 -LE 'daemon|bench'

if [ -d fuzz ] && command -v clang >/dev/null; then
    echo "== fuzz the parsers briefly"
    CC=clang cmake -S . -B build-fuzz -DENABLE_FUZZING=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build-fuzz -j"$jobs"
    ./fuzz/run-fuzzers.sh build-fuzz "${LF_FUZZ_SECONDS:-20}"
fi
