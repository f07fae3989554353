#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fleet benchmark (not a timed test): N (default 100000) varied reports
# generated from the fixture reports, imported into a new database; then
# `fleet report`, `fleet list`, `fleet export` timed, and the database size.
# Targets on a 2-core machine: import < 60 s, report < 1 s, database < 1 GB.
# Usage: bench/fleet.sh [BUILD_DIR] [N]
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}; N=${2:-100000}
L="$B/src/lapfit"; [ -x "$L" ] || L="$B/lapfit"
[ -x "$L" ] || { echo "build lapfit first (cmake --build $B)"; exit 1; }
W=${TMPDIR:-/tmp}/lapfit-bench-fleet.$$
mkdir -p "$W"; trap 'rm -rf "$W"' EXIT
t() { /usr/bin/time -f "%e s wall, %U s user + %S s sys CPU, %M KB max RSS" "$@"; }

uptime | sed "s/^/load: /"
echo "== generating $N reports"
t /usr/bin/python3 bench/fleet-gen.py tests/fixtures/reports "$W/reports" "$N"
du -sh "$W/reports" | sed 's/^/reports on disk: /'
sync
echo "== fleet import ($N reports, $(nproc) cores)"
t "$L" fleet import --db "$W/fleet.db" "$W/reports"
echo "== re-import (all duplicates)"
t "$L" fleet import --db "$W/fleet.db" "$W/reports"
echo "== fleet report"
t "$L" fleet report --db "$W/fleet.db" >"$W/report.txt"
cat "$W/report.txt"
echo "== fleet list --json"
t "$L" fleet list --db "$W/fleet.db" --json >/dev/null
echo "== fleet export --format csv"
t "$L" fleet export --db "$W/fleet.db" --format csv -o "$W/fleet.csv"
echo "== fleet diff lab-000001"
t "$L" fleet diff --db "$W/fleet.db" lab-000001 | tail -n +2
"$L" fleet list --db "$W/fleet.db" >/dev/null  # checkpoint the WAL before measuring
ls -l "$W"/fleet.db* | awk '{ printf "%s: %.1f MB\n", $NF, $5 / 1048576 }'
