#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fleet benchmark (not a timed test): N (default 100000) varied reports
# generated from the fixture reports, imported into a new store, imported
# again (all duplicates: skipped by the hash of their bytes), then `fleet
# report`, `fleet list`, `fleet export`, `fleet diff` timed, and the size.
# Both stores: SQLite, then a throw-away local PostgreSQL server (fsync on,
# as a real one), when its package is installed.
# Targets on a 2-core machine: first import <= 20 s (SQLite), <= 30 s
# (PostgreSQL); re-import <= 5 s; report < 1 s; database < 1 GB.
# Since schema 7 (each distinct set of verdicts stored once) `fleet report`
# reads one row per machine and the sets' few rows: at 100,000 reports 0.1 s
# of CPU on SQLite (1.1 s with schema 6) and 0.2 s wall on PostgreSQL (4-5 s
# with schema 6); see bench/README.md.
# For PostgreSQL the server's CPU during the import is printed too (its
# processes and the backends it reaped): it shares the two cores with lapfit.
# Usage: bench/fleet.sh [BUILD_DIR] [N]
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}; N=${2:-100000}
L="$B/src/lapfit"; [ -x "$L" ] || L="$B/lapfit"
[ -x "$L" ] || { echo "build lapfit first (cmake --build $B)"; exit 1; }
L=$(realpath "$L")
W=$(mktemp -d "${TMPDIR:-/tmp}/lapfit-bench-fleet.XXXXXX"); chmod 711 "$W"
cleanup() { [ -z "${PG_STOP:-}" ] || $PG_STOP; rm -rf "$W"; }
trap cleanup EXIT
t() { /usr/bin/time -f "%e s wall, %U s user + %S s sys CPU, %M KB max RSS" "$@"; }

uptime | sed "s/^/load: /"
echo "== generating $N reports"
t /usr/bin/python3 bench/fleet-gen.py tests/fixtures/reports "$W/reports" "$N"
du -sh "$W/reports" | sed 's/^/reports on disk: /'
sync

# CPU seconds of the PostgreSQL server so far (empty without one): its
# processes, and the backends that ended (counted in the postmaster's children)
pg_cpu() {
    [ -n "${PG_STOP:-}" ] || return 0
    pm=$(head -1 "$D/data/postmaster.pid")
    { awk '{ print $16 + $17 }' "/proc/$pm/stat"
      for p in $pm $(pgrep -P "$pm"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done
    } | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f\n", s / hz }'
}

run() {  # run STORE-NAME DB
    echo "== [$1] fleet import ($N reports, $(nproc) cores)"
    before=$(pg_cpu)
    t "$L" fleet import --db "$2" "$W/reports"
    if [ -n "$before" ]; then
        sleep 1  # the backend ends after lapfit: let the postmaster reap it
        awk -v a="$before" -v b="$(pg_cpu)" 'BEGIN { printf "server CPU during the import: %.2f s\n", b - a }'
    fi
    echo "== [$1] re-import (all duplicates)"
    t "$L" fleet import --db "$2" "$W/reports"
    echo "== [$1] fleet report"
    t "$L" fleet report --db "$2" >"$W/report-$1.txt"
    head -3 "$W/report-$1.txt"
    echo "== [$1] fleet list --json"
    t "$L" fleet list --db "$2" --json >"$W/list-$1.json"
    echo "== [$1] fleet export --format csv"
    t "$L" fleet export --db "$2" --format csv -o "$W/fleet-$1.csv"
    echo "== [$1] fleet diff lab-000001"
    t "$L" fleet diff --db "$2" lab-000001 | tail -n +2
}

run sqlite "$W/fleet.db"
"$L" fleet list --db "$W/fleet.db" >/dev/null  # checkpoint the WAL before measuring
ls -l "$W"/fleet.db* | awk '{ printf "%s: %.1f MB\n", $NF, $5 / 1048576 }'

# PostgreSQL: a private cluster as in tests/fleet/pg-server.sh, fsync on
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "== [postgresql] skipped: server package not installed"; exit 0
fi
D="$W/pg"; mkdir "$D"
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    chown postgres "$D"
    as_pg() { setpriv --reuid=postgres --regid="$(id -g postgres)" --init-groups -- "$@"; }
fi
as_pg "$PGBIN/initdb" -D "$D/data" -U lapfit -A trust -E UTF8 --locale=C >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$D/data" -l "$D/log" -w -o "-k $D -c listen_addresses=" start >/dev/null
PG_STOP="as_pg $PGBIN/pg_ctl -D $D/data -m fast stop"
psql -X -q -h "$D" -U lapfit -d postgres -c "CREATE DATABASE fleet"
run postgresql "postgresql://lapfit@/fleet?host=$D"
psql -X -A -t -h "$D" -U lapfit -d fleet -c "SELECT pg_size_pretty(pg_database_size('fleet'))" |
    sed 's/^/postgresql database: /'
cmp -s "$W/report-sqlite.txt" "$W/report-postgresql.txt" && cmp -s "$W/list-sqlite.json" "$W/list-postgresql.json" &&
    cmp -s "$W/fleet-sqlite.csv" "$W/fleet-postgresql.csv" && echo "== both stores: identical report, list and export" ||
    echo "== both stores: OUTPUTS DIFFER"
