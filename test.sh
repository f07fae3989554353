#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
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
export LF_I18N_STRICT=1                  # CI: a string without translations fails
export LF_PACKAGE_TESTS=1                # CI builds the portable artifacts and the .deb (label package)
export TMPDIR="${TMPDIR:-/tmp}/lapfit-test.$$"   # umockdev leaves testbeds behind if killed
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

logs="$PWD/build-logs"     # not under $TMPDIR: tests may clean their temporary files there
mkdir -p "$logs"
summary="$logs/summary"
: >"$summary"
# run_ctest BUILD_DIR ARGS...: ctest, then one line of counts kept for the end.
run_ctest() {
    dir=$1; shift
    mkdir -p "$TMPDIR"
    log="$logs/ctest-$(basename "$dir").log"
    # `|| rc=$?`: under set -e a failing ctest would end the group before the
    # status is written, and the summary below would never be printed.
    { rc=0; ctest --test-dir "$dir" -j"$jobs" --output-on-failure "$@" || rc=$?; echo "$rc" >"$log.rc"; } 2>&1 |
        tee "$log"
    rc=$(cat "$log.rc")
    total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$log" | tail -1)
    failed=$(sed -n 's/.*, \([0-9]*\) tests failed out of.*/\1/p' "$log" | tail -1)
    skipped=$(grep -c '(Skipped)$' "$log" || true)
    [ -n "$total" ] || { echo "ctest in $dir printed no summary"; exit 1; }
    echo "$dir $total ${failed:-0} $skipped" >>"$summary"
    if [ "$rc" -ne 0 ] || [ "${failed:-0}" -ne 0 ]; then
        report; exit 1
    fi
}
# report: totals over every ctest stage, in the plain "N passed, N failed" form.
report() {
    awk '{t += $2; f += $3; s += $4} END {printf "tests: %d passed, %d failed, %d skipped\n", t - f - s, f, s}' "$summary"
}

echo "== build (warnings are errors) and test"
cmake -S . -B build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLF_WERROR=ON >/dev/null
cmake --build build-ci -j"$jobs"
run_ctest build-ci --timeout 600
[ "${LF_QUICK:-0}" = 1 ] && { report; exit 0; }

echo "== ASan/UBSan build and test"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Asan -DLF_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
run_ctest build-asan --timeout 900 -LE 'daemon|bench|package'

if [ -d fuzz ] && command -v clang >/dev/null; then
    echo "== fuzz the parsers briefly"
    CC=clang cmake -S . -B build-fuzz -DENABLE_FUZZING=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build-fuzz -j"$jobs"
    ./fuzz/run-fuzzers.sh build-fuzz "${LF_FUZZ_SECONDS:-20}"
fi
report
