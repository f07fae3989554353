#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The portable artifacts against the normal build: size of each artifact
# (compressed and unpacked), and the wall and CPU time of `lapfit probe --json`
# and `lapfit --version` (start-up floor) from the unpacked artifact (launcher,
# bundled loader and libraries) vs the normal build, with the instructions of
# one probe when valgrind is installed. Not a CI test.
#
#   bench/portable.sh [RUNS]     LAPFIT=normal build (default build/src/lapfit),
#                                DIST=artifacts (default dist/, from scripts/portable.sh)
#
# Figures, with the conditions they were measured in: bench/README.md.
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

# mean_ms RUNS CMD...: "WALL CPU", the mean wall time and the mean CPU time
# (user + system of the runs, from the shell's `times`) in ms over RUNS runs,
# after one warm-up. On a shared machine the CPU time is the steadier figure.
mean_ms() {
    n=$1; shift
    "$@" >/dev/null 2>&1
    (
        start=$(date +%s%N)
        i=0
        while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
        end=$(date +%s%N)
        times >"$work/times"        # not in a pipe: that would be a new process
        echo "$start $end $n $(tail -1 "$work/times")"
    ) | awk '{ split($4 " " $5, t, /[ms]+/); cpu = (t[1] * 60 + t[2] + t[3] * 60 + t[4]) * 1000
               printf "%.2f/%.2f\n", ($2 - $1) / 1e6 / $3, cpu / $3 }'
}

# instr CMD...: instructions (millions) of one run, all images after the
# launcher's exec included (callgrind): the figure no other session's load moves.
instr() {
    command -v valgrind >/dev/null 2>&1 || { echo "-"; return; }
    valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$work/cg.%p" "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p' | awk '{ s += $1 } END { printf "%.2f\n", s / 1e6 }'
    rm -f "$work"/cg.*
}

echo "== machine: $(uname -srm), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); mean over $runs runs"
echo "   times in ms as wall/CPU (user + system)"
printf '%-34s %12s %12s %16s %16s %12s\n' "" "compressed" "unpacked" "probe --json" "--version" "probe Minstr"
printf '%-34s %12s %12s %16s %16s %12s\n' "normal build ($(ldd "$LAPFIT" | grep -c '=>') shared libs)" "-" \
    "$(du -k "$LAPFIT" | cut -f1) KiB" "$(mean_ms "$runs" "$LAPFIT" probe --json)" \
    "$(mean_ms "$runs" "$LAPFIT" --version)" "$(instr "$LAPFIT" probe --json)"
for t in "$DIST"/lapfit-*-*.tar.gz; do
    name=$(basename "$t" .tar.gz)
    tar -xzf "$t" -C "$work"
    cmd=$work/$name/lapfit
    if "$cmd" --version >/dev/null 2>&1; then
        p=$(mean_ms "$runs" "$cmd" probe --json); v=$(mean_ms "$runs" "$cmd" --version)
        n=$(instr "$cmd" probe --json)
    else
        p="-"; v="-"; n="-"
    fi
    printf '%-34s %12s %12s %16s %16s %12s\n' "$name" "$(wc -c <"$t") B" \
        "$(du -sk "$work/$name" | cut -f1) KiB" "$p" "$v" "$n"
done
