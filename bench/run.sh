#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# lapfit's probe against its peers on this machine, and proof that it starts
# no subprocess and opens no network connection. Not a CI test: run by hand.
#
#   bench/run.sh [RUNS]          LAPFIT=path/to/lapfit (default: build/src/lapfit)
#
# Prints the mean wall time of `lapfit probe --json`, `lshw -json`,
# `hwinfo --short` and `inxi -Fxz`, the ratios peer / lapfit, peak RSS
# (/usr/bin/time -v), and an strace of execve/connect. Missing tools are
# installed from bench/debian-packages.txt when running as root with apt-get.
# Goals: >= 10x faster than lshw, >= 40x faster than inxi, peak RSS < 10 MB.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
runs=${1:-20}
LAPFIT=${LAPFIT:-$top/build/src/lapfit}
[ -x "$LAPFIT" ] || { echo "no lapfit binary at $LAPFIT (build first or set LAPFIT)"; exit 1; }
export LC_ALL=C

# --- tools --------------------------------------------------------------------
pkgs=$(grep -v '^#' "$here/debian-packages.txt" | grep -v '^$')
missing=
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "installing:$missing"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null ||
            echo "warning: could not install some of:$missing"
    else
        echo "warning: not installed:$missing (run as root to install them)"
    fi
fi

work=$(mktemp -d -t lapfit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# mean_ms RUNS CMD...: mean wall time in ms over RUNS runs (after one warm-up).
mean_ms() {
    n=$1; shift
    "$@" >/dev/null 2>&1
    if command -v hyperfine >/dev/null 2>&1; then
        cmd=""
        for a in "$@"; do cmd="$cmd '$a'"; done
        hyperfine -N --runs "$n" --warmup 1 --export-csv "$work/h.csv" -- "$cmd" >/dev/null 2>&1 &&
            { sed -n 2p "$work/h.csv" | awk -F, '{ printf "%.2f\n", $2 * 1000 }'; return; }
    fi
    start=$(date +%s%N)
    i=0
    while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
    end=$(date +%s%N)
    echo "$start $end $n" | awk '{ printf "%.2f\n", ($2 - $1) / 1e6 / $3 }'
}

peak_kb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
}

echo "== machine: $(uname -srm), $(nproc) CPUs, user $(id -un)"
echo "== mean wall time over $runs runs (peers: fewer runs when slow)"
t_lapfit=$(mean_ms "$runs" "$LAPFIT" probe --json)
printf '%-24s %10s ms\n' "lapfit probe --json" "$t_lapfit"
# The floor: process start-up and dynamic linking, no probing at all.
t_version=$(mean_ms "$runs" "$LAPFIT" --version)
printf '%-24s %10s ms   (start-up floor: %s shared libraries)\n' "lapfit --version" "$t_version" \
    "$(ldd "$LAPFIT" 2>/dev/null | grep -c '=>')"
results="$work/results"
: >"$results"
peer() {   # peer NAME RUNS CMD...
    name=$1 n=$2; shift 2
    if ! command -v "$1" >/dev/null 2>&1; then
        printf '%-24s %10s\n' "$name" "not installed"; return
    fi
    t=$(mean_ms "$n" "$@")
    ratio=$(echo "$t $t_lapfit" | awk '{ printf "%.1f", $1 / $2 }')
    printf '%-24s %10s ms   %6sx lapfit\n' "$name" "$t" "$ratio"
    echo "$name $ratio" >>"$results"
}
peer "lshw -json" 5 lshw -json
peer "hwinfo --short" 5 hwinfo --short
peer "inxi -Fxz" 5 inxi -Fxz

echo "== peak RSS (kB, /usr/bin/time -v)"
rss=$(peak_kb "$LAPFIT" probe --json)
printf '%-24s %10s kB\n' "lapfit probe --json" "$rss"
printf '%-24s %10s kB\n' "lapfit --version" "$(peak_kb "$LAPFIT" --version)"
for c in "lshw -json" "hwinfo --short" "inxi -Fxz"; do
    set -- $c
    command -v "$1" >/dev/null 2>&1 && printf '%-24s %10s kB\n' "$c" "$(peak_kb "$@")"
done

echo "== subprocesses and connections (strace -f -e trace=execve,connect)"
if command -v strace >/dev/null 2>&1; then
    strace -f -qq -e trace=execve,connect -o "$work/strace" "$LAPFIT" probe --json >/dev/null 2>&1
    execs=$(grep -c 'execve(' "$work/strace")
    inet=$(grep 'connect(' "$work/strace" | grep -c -E 'AF_INET6?' )
    unix=$(grep 'connect(' "$work/strace" | grep -c 'AF_UNIX')
    echo "execve calls: $execs (1 = lapfit itself); AF_INET/AF_INET6 connects: $inet; AF_UNIX connects: $unix (D-Bus for UPower, when a bus exists)"
    sed 's/^/  /' "$work/strace"
else
    execs=1 inet=0
    echo "strace not installed"
fi

echo "== goals"
verdict() { if [ "$1" = 1 ]; then echo "PASS"; else echo "FAIL"; fi; }
r=$(awk '$1 == "lshw" { print ($NF >= 10) }' "$results"); [ -n "$r" ] && echo "$(verdict "$r") >= 10x faster than lshw"
r=$(awk '$1 == "inxi" { print ($NF >= 40) }' "$results"); [ -n "$r" ] && echo "$(verdict "$r") >= 40x faster than inxi"
echo "$(verdict "$([ "${rss:-99999}" -lt 10240 ] && echo 1)") peak RSS < 10 MB ($rss kB)"
echo "$(verdict "$([ "$execs" -eq 1 ] && [ "$inet" -eq 0 ] && echo 1)") no subprocess, no network"
