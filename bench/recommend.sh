#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bench/recommend.sh [LAPFIT]: time `lapfit recommend --report FILE --json` as a whole
# process (start, dynamic linking, opening the embedded database, every verdict, JSON
# out) next to `lapfit --version` (start and linking only), so the difference is the
# recommender's own cost. Target: under 20 ms. Not a ctest: timings depend on load
# (with several builds running, wall times can double; CPU times stay honest).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
lapfit=${1:-$here/build/src/lapfit}
[ -x "$lapfit" ] || { echo "no lapfit binary at $lapfit (build first)"; exit 1; }
r1="$here/tests/fixtures/reports/recommend/pentium-m-2005.json"
r2="$here/tests/fixtures/reports/recommend/skylake-u-2016.json"
echo "editions: $("$lapfit" db list | wc -l); load: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs "${RUNS:-100}" \
        "$lapfit --version" \
        "$lapfit recommend --report $r1 --json --all" \
        "$lapfit recommend --report $r2 --json --all"
else
    for cmd in "--version" "recommend --report $r1 --json --all"; do
        t0=$(date +%s%N)
        for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
            $lapfit $cmd >/dev/null
        done
        t1=$(date +%s%N)
        echo "$cmd: mean $(( (t1 - t0) / 20000 )) us"
    done
fi
