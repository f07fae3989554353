# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the postgres fleet tests: a throw-away PostgreSQL cluster in a
# temporary directory (Debian's postgresql package: initdb + pg_ctl), on a
# Unix socket in that directory only (no TCP port to collide), password
# authentication (scram) with the password in a PGPASSFILE. The server
# refuses to run as root: as root it runs as the `postgres` user.
# Sets T (work dir), PGSOCK, PGPASSFILE, PGBIN, PGPW; defines psql_q, pg_stop.
# Exits 77 with the reason when the server package is not installed.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || ! command -v psql >/dev/null; then
    echo "SKIP: PostgreSQL server not installed (Debian package 'postgresql', see scripts/debian-packages.txt)"
    exit 77
fi
T=$(mktemp -d); chmod 711 "$T"
# As root the server runs as `postgres`, which must reach the socket and data
# directories: a private TMPDIR (mode 700) above them would stop it.
if [ "$(id -u)" = 0 ] && ! setpriv --reuid=postgres --regid=postgres --clear-groups -- test -x "$T" 2>/dev/null; then
    rmdir "$T"; T=$(mktemp -d /tmp/lapfit-pg.XXXXXX); chmod 711 "$T"
fi
D="$T/pg"; mkdir "$D"
PGSOCK="$D"
PGPW="pw-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "FAIL: running as root and no 'postgres' user"; exit 1; }
    chown postgres "$D"
    as_pg() { setpriv --reuid=postgres --regid="$(id -g postgres)" --init-groups -- "$@"; }
fi
printf '%s\n' "$PGPW" >"$D/pwfile"; chmod 644 "$D/pwfile"
as_pg "$PGBIN/initdb" -D "$D/data" -U lapfit -A scram-sha-256 --pwfile="$D/pwfile" \
    -E UTF8 --locale=C --no-sync >"$T/initdb.log" 2>&1 || { cat "$T/initdb.log"; echo "FAIL: initdb"; exit 1; }
pg_stop() {
    as_pg "$PGBIN/pg_ctl" -D "$D/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$T"
}
trap pg_stop EXIT
as_pg "$PGBIN/pg_ctl" -D "$D/data" -l "$D/log" -w -t 60 \
    -o "-k $D -c listen_addresses= -c fsync=off -c max_connections=30" start >/dev/null ||
    { cat "$D/log"; echo "FAIL: pg_ctl start"; exit 1; }
export PGPASSFILE="$T/pgpass"
printf '*:*:*:lapfit:%s\n' "$PGPW" >"$PGPASSFILE"; chmod 600 "$PGPASSFILE"
unset PGHOST PGPORT PGUSER PGDATABASE PGSERVICE PGSERVICEFILE PGPASSWORD PGSSLMODE
# psql_q DB SQL: one query, unaligned, no headers
psql_q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$PGSOCK" -U lapfit -d "$1" -c "$2"; }
pg_uri() { echo "postgresql://lapfit@/$1?host=$PGSOCK"; }
