#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The portable artifacts against the normal build: size of each artifact
# (compressed and unpacked), and the wall time of `lapfit probe --json` and
# `lapfit --version` (start-up floor) from the unpacked artifact (launcher,
# bundled loader and libraries) vs the normal build. Not a CI test.
#
#   bench/portable.sh [RUNS]     LAPFIT=normal build (default build/src/lapfit),
#                                DIST=artifacts (default dist/, from scripts/portable.sh)
#
# 2026-12-06, this shared 2-CPU x86-64 VM, 100 runs (LC_ALL=C):
#                            compressed   unpacked   probe --json   --version
#   normal build (19 libs)        -        2036 KiB      8.66 ms      2.86 ms
#   lapfit-0.1.0-x86_64       5132 KiB   12976 KiB      6.55 ms      2.76 ms
#   lapfit-0.1.0-i686         5450 KiB   14292 KiB      8.93 ms      3.08 ms
# The launcher and the bundled loader cost nothing measurable; the i686 build
# runs natively here (IA-32 on x86-64).
# Later the same day, with libpq linked (fleet, 40 shared libraries; load 7):
#   normal build                  -        2228 KiB     22.14 ms     14.88 ms
#   lapfit-0.1.0-x86_64      11092 KiB   27872 KiB     18.30 ms     11.32 ms
#   lapfit-0.1.0-i686        11532 KiB   29500 KiB     23.63 ms     15.39 ms
# Load was high, so part of the rise is the machine; the dynamic loader itself
# takes ~2.4 M cycles (1.2 ms, LD_DEBUG=statistics) for the 40 libraries. libpq
# also adds 6 MB to each artifact: opening it on demand, as libcurl is, would
# keep it out of both.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
runs=${1:-50}
LAPFIT=${LAPFIT:-$top/build/src/lapfit}
DIST=${DIST:-$top/dist}
[ -x "$LAPFIT" ] || { echo "no lapfit binary at $LAPFIT (build first or set LAPFIT)"; exit 1; }
ls "$DIST"/lapfit-*-*.tar.gz >/dev/null 2>&1 || { echo "no artifacts in $DIST (scripts/portable.sh x86_64|i686)"; exit 1; }
export LC_ALL=C
work=$(mktemp -d -t lapfit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# mean_ms RUNS CMD...: mean wall time in ms over RUNS runs, after one warm-up.
mean_ms() {
    n=$1; shift
    "$@" >/dev/null 2>&1
    start=$(date +%s%N)
    i=0
    while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
    end=$(date +%s%N)
    echo "$start $end $n" | awk '{ printf "%.2f\n", ($2 - $1) / 1e6 / $3 }'
}

echo "== machine: $(uname -srm), $(nproc) CPUs; mean over $runs runs"
printf '%-34s %12s %12s %12s %12s\n' "" "compressed" "unpacked" "probe --json" "--version"
printf '%-34s %12s %12s %10s ms %10s ms\n' "normal build ($(ldd "$LAPFIT" | grep -c '=>') shared libs)" "-" \
    "$(du -k "$LAPFIT" | cut -f1) KiB" "$(mean_ms "$runs" "$LAPFIT" probe --json)" \
    "$(mean_ms "$runs" "$LAPFIT" --version)"
for t in "$DIST"/lapfit-*-*.tar.gz; do
    name=$(basename "$t" .tar.gz)
    tar -xzf "$t" -C "$work"
    cmd=$work/$name/lapfit
    if "$cmd" --version >/dev/null 2>&1; then
        p=$(mean_ms "$runs" "$cmd" probe --json); v=$(mean_ms "$runs" "$cmd" --version)
    else
        p="-"; v="-"
    fi
    printf '%-34s %9s KiB %8s KiB %10s ms %10s ms\n' "$name" "$(( $(wc -c <"$t") / 1024 ))" \
        "$(du -sk "$work/$name" | cut -f1)" "$p" "$v"
done
