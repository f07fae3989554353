#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# lapfit fleet import when the disk fills in a later batch (#13 item 11): the
# earlier batches stay committed, the counts line says how many (and how many
# failed), exit 1, one error line. The database lives on a small tmpfs mounted in a private mount
# namespace (unshare -m), so the host's disks are never filled.
set -u
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
R="$LF_SOURCE_DIR/tests/fixtures/reports"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export LC_ALL=C
py() { /usr/bin/python3 "$@"; }
q() { py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchone()[0])' "$@"; }

mkdir "$T/mnt"
unshare -m sh -c "mount -t tmpfs -o size=1M lapfit-test '$T/mnt'" 2>/dev/null ||
    skip "cannot mount a tmpfs in a private mount namespace (needs root or CAP_SYS_ADMIN)"

# 10,000 distinct reports: two import batches (LF_FLEET_BATCH is 5000)
mkdir "$T/in" "$T/first"
py - "$R" "$T/in" "$T/first" <<'PY' || fail "make reports"
import glob, json, os, sys
base = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))]
for i in range(10000):
    d = json.loads(json.dumps(base[i % len(base)]))
    d["machine"]["uuid"] = "feed%04d-0000-4000-8000-%012d" % (i, i)
    d["machine_id"] = None
    name = "r%05d.json" % i
    json.dump(d, open(os.path.join(sys.argv[2], name), "w"))
    if i < 5000:
        os.symlink(os.path.join(sys.argv[2], name), os.path.join(sys.argv[3], name))
PY
# Room for the first batch with its WAL, not for both: measured, since the
# report size follows the fixtures (first batch alone ~27 MB; both need ~2x).
"$LAPFIT" fleet import --db "$T/first.db" "$T/first" >/dev/null || fail "first batch alone"
kb=$(( $(stat -c %s "$T/first.db") * 14 / 10 / 1024 ))

unshare -m sh -c "mount -t tmpfs -o size=${kb}k lapfit-test '$T/mnt' &&
    '$LAPFIT' fleet import --db '$T/mnt/g.db' '$T/in' >'$T/out' 2>'$T/err'; echo \$? >'$T/rc'
    /usr/bin/python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT COUNT(*) FROM reports\").fetchone()[0], c.execute(\"PRAGMA integrity_check\").fetchone()[0])' '$T/mnt/g.db' >'$T/count'" ||
    fail "tmpfs run"
echo "tmpfs ${kb} kB; exit $(cat "$T/rc"); stdout: $(cat "$T/out"); stderr: $(cat "$T/err"); in the database: $(cat "$T/count")"
[ "$(cat "$T/rc")" = 1 ] || fail "exit $(cat "$T/rc"), expected 1"
[ "$(wc -l <"$T/err")" = 1 ] && grep -q '^lapfit: .*full' "$T/err" || fail "one error line about the full disk"
set -- $(cat "$T/count")
[ "$2" = ok ] || fail "database not intact: $2"
[ "$1" -gt 0 ] && [ "$1" -lt 10000 ] || fail "$1 reports committed: the disk did not fill in a later batch"
line="Imported $1 new reports, 0 already present, 0 skipped, $((10000 - $1)) failed."
[ "$(cat "$T/out")" = "$line" ] || fail "counts line: $(cat "$T/out")"
echo "ok: disk full in a later batch: $1 committed, said so, exit 1"
