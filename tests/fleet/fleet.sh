#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# lapfit fleet: round trip (reports -> export json -> import -> list/report/
# diff/export) with expected figures; duplicates; corrupt, truncated, foreign
# and unknown-schema files; corrupt, foreign and newer databases; a v1
# database upgraded in place; concurrent imports.
set -u
fail() { echo "FAIL: $*"; exit 1; }
R="$LF_SOURCE_DIR/tests/fixtures/reports"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export LC_ALL=C
py() { /usr/bin/python3 "$@"; }
. "$LF_SOURCE_DIR/tests/fleet/upgraded.sh"
q() { py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print("\n".join("|".join("" if v is None else str(v) for v in r) for r in c.execute(sys.argv[2])))' "$@"; }

# round trip: every fixture through `export --format json`, then import
mkdir "$T/in"
for r in "$R"/*.json; do
    "$LAPFIT" export --format json --report "$r" -o "$T/in/$(basename "$r")" || fail "export $r"
done
out=$("$LAPFIT" fleet import --db "$T/f.db" "$T/in") || fail "import"
[ "$out" = "Imported 10 new reports, 0 already present, 0 skipped, 0 failed." ] || fail "import: $out"
out=$("$LAPFIT" fleet import --db "$T/f.db" "$T/in" "$R/skylake-u-2016.json") || fail "re-import"
[ "$out" = "Imported 0 new reports, 11 already present, 0 skipped, 0 failed." ] || fail "re-import: $out"
[ "$(q "$T/f.db" 'SELECT COUNT(*) FROM reports')" = 10 ] || fail "reports after re-import"
# every file's bytes are known now (the fixture copy differs in bytes from its export)
[ "$(q "$T/f.db" 'SELECT COUNT(*) FROM report_files')" = 11 ] || fail "file hashes"
[ "$(q "$T/f.db" 'PRAGMA user_version')" = 7 ] || fail "user_version"
# one verdict set per distinct set of verdicts, not one per report
[ "$(q "$T/f.db" 'SELECT COUNT(DISTINCT verdict_set) > 1 FROM reports')" = 1 ] || fail "verdict sets"
[ "$(q "$T/f.db" 'SELECT COUNT(*) FROM verdict_sets')" = "$(q "$T/f.db" 'SELECT COUNT(DISTINCT verdict_set) FROM reports')" ] ||
    fail "verdict sets not shared"
# a set's key is the SHA-256 of its rows, short whatever the number of editions
[ "$(q "$T/f.db" 'SELECT MIN(length(key)) || MAX(length(key)) FROM verdict_sets')" = 6464 ] || fail "set keys"
[ "$(q "$T/f.db" 'PRAGMA journal_mode')" = wal ] || fail "WAL"

"$LAPFIT" fleet list --db "$T/f.db" --json >"$T/list.json" || fail "list"
py - "$T/list.json" <<'PY' || fail "list figures"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 8, len(rows)
by = {r["hostname"]: r for r in rows}
t420 = by["t420-lab-03"]
assert t420["reports"] == 2 and t420["ram_installed_mb"] == 8192 and t420["ssd"] is True, t420
assert t420["generated"] == "2026-06-10T09:10:00Z"
assert by["t480-lab-06"]["battery_count"] == 2 and by["t480-lab-06"]["battery_health_pct"] == 72.46
assert by["debian"]["battery_count"] == 0 and by["debian"]["storage_count"] == 1  # USB stick not counted
assert by["d630-lab-02"]["ram_installed_mb"] == 1024
assert all(r["machine_id"].startswith("m-") for r in rows)
PY
"$LAPFIT" fleet list --db "$T/f.db" | grep -q "t420-lab-03" || fail "list text"

"$LAPFIT" fleet report --db "$T/f.db" --json >"$T/report.json" || fail "report"
py - "$T/report.json" <<'PY' || fail "report figures"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["machines"] == 8 and r["reports"] == 10, r
bh = {b["health_pct"]: b["machines"] for b in r["battery_health"]}
assert bh == {"80-100": 2, "60-80": 4, "40-60": 1, "0-40": 0, "none": 1, "unknown": 0}, bh
buy = [(b["item"], b.get("to_mb"), b["machines"], b.get("total_added_mb")) for b in r["hardware_upgrades"]]
assert buy == [("ssd", None, 3, None), ("ram", 4096, 1, 3072), ("ram", 2048, 1, 1536)], buy
assert r["ram_not_upgradable"] == 1
PY
"$LAPFIT" fleet report --db "$T/f.db" | grep -q "SSD" || fail "report text"

# per-edition verdict counts agree with `lapfit check` on each machine's latest report
latest=$(ls "$T"/in/*.json | grep -v -e 'sandybridge-2011.json' -e 'core2duo-2008.json')
[ "$(echo "$latest" | wc -l)" = 8 ] || fail "latest set"
py -c 'import json,sys; [print(e["edition"]) for e in json.load(open(sys.argv[1]))["editions"][:6]]' "$T/report.json" >"$T/editions"
[ -s "$T/editions" ] || fail "no per-edition verdicts in the fleet report"
while read -r ed; do
    p=0; w=0; f=0
    for r in $latest; do
        "$LAPFIT" check "$ed" --report "$r" >/dev/null 2>&1
        case $? in 0) p=$((p+1));; 1) w=$((w+1));; 2) f=$((f+1));; *) fail "check $ed $r";; esac
    done
    got=$(py -c 'import json,sys; e=[e for e in json.load(open(sys.argv[1]))["editions"] if e["edition"]==sys.argv[2]][0]; print(e["pass"], e["warn"], e["fail"])' "$T/report.json" "$ed")
    [ "$got" = "$p $w $f" ] || fail "$ed: fleet report says $got, lapfit check says $p $w $f"
done <"$T/editions"
# every purchase on the shopping list names editions where that many machines are WARN/FAIL
py - "$T/report.json" <<'PY' || fail "shopping list consistency"
import json, sys
r = json.load(open(sys.argv[1]))
eds = {e["edition"]: e for e in r["editions"]}
for b in r["shopping_list"]:
    assert b["purchase"].replace("+", " ").split() and 0 < b["machines"] <= r["machines"], b
    for e in b["editions"]:
        assert e["machines"] <= eds[e["edition"]]["warn"] + eds[e["edition"]]["fail"], (b, e)
PY

"$LAPFIT" fleet diff --db "$T/f.db" t420-lab-03 --json >"$T/diff.json" || fail "diff"
py - "$T/diff.json" <<'PY' || fail "diff figures"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["reports"] == 2 and len(d["changes"]) == 1
c = d["changes"][0]
assert c["ram_installed_mb_from"] == 4096 and c["ram_installed_mb_to"] == 8192
assert c["ram_added"] == ["ChannelB-DIMM0 4096 MB"] and c["ram_removed"] == []
assert len(c["disks_removed"]) == 1 and "HITACHI" in c["disks_removed"][0]
assert len(c["disks_added"]) == 1 and "870 EVO" in c["disks_added"][0]
b = c["batteries"][0]
assert b["health_pct_from"] == 69.47 and b["health_pct_to"] == 65.14
assert b["wear_pct_per_month"] == 0.87, b
PY
"$LAPFIT" fleet diff --db "$T/f.db" d630-lab-02 --json | py -c 'import json,sys; c=json.load(sys.stdin)["changes"][0]; assert c["ram_removed"]==["DIMM_B 1024 MB"], c' || fail "RAM removed"
"$LAPFIT" fleet diff --db "$T/f.db" d630-lab-02 | grep -q "RAM removed" || fail "diff text"
id=$(q "$T/f.db" "SELECT machine_id FROM reports WHERE hostname='t420-lab-03' LIMIT 1")
"$LAPFIT" fleet diff --db "$T/f.db" "$(echo "$id" | cut -c1-12)" --json >/dev/null || fail "diff by id prefix"
"$LAPFIT" fleet diff --db "$T/f.db" no-such-machine >/dev/null 2>&1; [ $? -eq 1 ] || fail "unknown machine exit 1"

"$LAPFIT" fleet export --db "$T/f.db" --format csv -o "$T/f.csv" || fail "fleet export csv"
py - "$T/f.csv" "$LF_SOURCE_DIR/tests/export/csv-columns.txt" <<'PY' || fail "fleet csv"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert ",".join(rows[0]) == open(sys.argv[2]).read().strip()
assert len(rows) == 9
PY
"$LAPFIT" fleet export --db "$T/f.db" --format json | py -c 'import json,sys; assert len(json.load(sys.stdin))==8' || fail "fleet export json"
# the fleet CSV row of a machine equals its single-report export row
"$LAPFIT" export --format csv --report "$R/skylake-u-2016.json" | tail -1 >"$T/one.csv"
grep -qxF "$(cat "$T/one.csv")" "$T/f.csv" || fail "fleet csv row != export csv row"

# bad files are skipped and listed, the rest of the batch is imported
mkdir "$T/bad"
cp "$R/skylake-u-2016.json" "$T/bad/ok-dup.json"
head -c 300 "$R/ryzen-4000-2020.json" >"$T/bad/truncated.json"
printf '\000\001garbage' >"$T/bad/binary.json"
echo '{"hello": "world"}' >"$T/bad/foreign.json"
sed 's#lapfit-report/1#lapfit-report/9#' "$R/pentium-m-2005.json" >"$T/bad/future.json"
echo '[1,2]' >"$T/bad/array.json"
sed 's/"t43-lab-01"/"t43-lab-99"/; s/"L3ABC12"/"L3ABC99"/; s/8e5c8a01/9e5c8a01/' "$R/pentium-m-2005.json" >"$T/bad/new-machine.json"
mkfifo "$T/bad/fifo.json"                 # would block a naive reader
mkdir "$T/bad/sub"; ln -s .. "$T/bad/sub/loop"   # a directory loop
"$LAPFIT" fleet import --db "$T/f.db" "$T/bad" "$T/missing.json" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "import with bad files: exit $rc (want 1: some files failed)"
[ "$(cat "$T/out")" = "Imported 1 new reports, 1 already present, 7 skipped, 1 failed." ] || fail "bad batch: $(cat "$T/out") $(cat "$T/err")"
[ "$(grep -c '^lapfit: skipped ' "$T/err")" = 7 ] || fail "skipped list: $(cat "$T/err")"
grep -q "^lapfit: failed .*missing.json: " "$T/err" || fail "failed list: $(cat "$T/err")"
grep -q "future.json.*lapfit-report/9" "$T/err" || fail "unknown schema reason"
[ "$(q "$T/f.db" 'SELECT COUNT(*) FROM machines')" = 9 ] || fail "machines after bad batch"

# databases lapfit must refuse: corrupt, foreign, newer
head -c 8192 /dev/urandom >"$T/corrupt.db"
"$LAPFIT" fleet list --db "$T/corrupt.db" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <"$T/err")" -eq 1 ] || fail "corrupt db: exit $rc $(cat "$T/err")"
py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t(x)"); c.commit()' "$T/foreign.db"
"$LAPFIT" fleet import --db "$T/foreign.db" "$T/in" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "not a lapfit fleet database" "$T/err" || fail "foreign db: exit $rc $(cat "$T/err")"
cp "$T/f.db" "$T/newer.db"; rm -f "$T/newer.db-wal" "$T/newer.db-shm"
py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version=99"); c.commit()' "$T/newer.db"
"$LAPFIT" fleet list --db "$T/newer.db" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "schema version 99" "$T/err" || fail "newer db: exit $rc $(cat "$T/err")"

# a version 1 database (JSON only) opens and is upgraded in place
py - "$T/v1.db" "$T/in" <<'PY' || fail "make v1"
import glob, hashlib, json, os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""CREATE TABLE reports (id INTEGER PRIMARY KEY, machine_id TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE, generated TEXT, imported TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX reports_machine ON reports(machine_id, generated);
PRAGMA application_id = 1279683700; PRAGMA user_version = 1;""")
for p in sorted(glob.glob(os.path.join(sys.argv[2], "*.json"))):
    d = json.load(open(p))
    text = json.dumps(d)
    c.execute("INSERT INTO reports (machine_id, sha256, generated, imported, json) VALUES (?,?,?,?,?)",
              (d["machine_id"], hashlib.sha256(text.encode()).hexdigest(), d["generated"], "2025-01-01T00:00:00Z", text))
c.commit()
PY
"$LAPFIT" fleet report --db "$T/v1.db" --json >"$T/v1report.json" || fail "open v1"
[ "$(q "$T/v1.db" 'PRAGMA user_version')" = 7 ] || fail "v1 not upgraded"
py -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert a==b, (a,b)' \
    "$T/v1report.json" "$T/report.json" || fail "upgraded v1 report differs"
[ "$(q "$T/v1.db" "SELECT ram_installed_mb FROM reports WHERE hostname='t480-lab-06'")" = 16384 ] || fail "v1 backfill"

# each report's verdicts as rows "report edition status fix ram" (schema 7: through its set)
ROWS="SELECT r.id || ' ' || v.edition || ' ' || v.status || ' ' || COALESCE(v.fix, '-') || ' ' ||
      COALESCE(v.fix_ram_mb, '-') FROM reports r JOIN set_verdicts v ON v.set_id = r.verdict_set"
# a version 5 database (verdicts as letter strings), made by lapfit at schema 5
# (tests/fixtures/fleet): upgraded to typed verdict rows, it prints what that
# lapfit printed, and no verdict or purchase is lost
V5="$LF_SOURCE_DIR/tests/fixtures/fleet"
load_v5() { py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.executescript(sys.argv[3]); c.commit()' "$1" "$V5/v5-sqlite.sql" "${2:-}"; }
load_v5 "$T/v5.db" || fail "load v5"
same_as_before v5 "$T/v5.db"
[ "$(q "$T/v5.db" 'PRAGMA user_version')" = 7 ] || fail "v5 not upgraded"
[ "$(q "$T/v5.db" "SELECT COUNT(*) FROM pragma_table_info('reports') WHERE name = 'verdicts'")" = 0 ] ||
    fail "v5: the string column is still there"
# with a purchase of both parts (lapfit wrote those before advice combined them)
load_v5 "$T/v5b.db" "UPDATE reports SET verdicts = replace(verdicts, ',4:ssd', ',4:ram4096+ssd') WHERE id = 3" ||
    fail "load v5b"
q "$T/v5b.db" "SELECT id || ' ' || verdicts FROM reports WHERE verdicts IS NOT NULL" >"$T/letters"
"$LAPFIT" fleet list --db "$T/v5b.db" >/dev/null || fail "open v5b"
q "$T/v5b.db" "$ROWS" >"$T/rows"
py "$LF_SOURCE_DIR/tests/fleet/v5-lossless.py" "$T/letters" "$T/rows" >/dev/null || fail "v5 verdicts lost"
"$LAPFIT" fleet import --db "$T/v5.db" "$T/in/skylake-u-2016.json" >/dev/null || fail "import into upgraded v5"

# a version 6 database (a verdict row per report and edition), made by lapfit
# at schema 6: upgraded to verdict sets, it prints what that lapfit printed,
# every report keeps every verdict, and equal verdicts share one set
load_v6() { py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.commit()' "$1" "$V5/v6-sqlite.sql"; }
load_v6 "$T/v6.db" || fail "load v6"
q "$T/v6.db" "SELECT report_id || ' ' || edition || ' ' || status || ' ' || COALESCE(fix, '-') || ' ' ||
              COALESCE(fix_ram_mb, '-') FROM verdicts" | sort >"$T/v6rows"
[ "$(wc -l <"$T/v6rows")" -gt 1000 ] || fail "v6 fixture rows"
same_as_before v6 "$T/v6.db"
[ "$(q "$T/v6.db" 'PRAGMA user_version')" = 7 ] || fail "v6 not upgraded"
q "$T/v6.db" "$ROWS" | sort >"$T/v7rows"
cmp -s "$T/v6rows" "$T/v7rows" || { diff "$T/v6rows" "$T/v7rows" | head; fail "v6 verdicts changed"; }
[ "$(q "$T/v6.db" "SELECT COUNT(*) FROM sqlite_master WHERE name = 'verdicts'")" = 0 ] || fail "v6 table left"
[ "$(q "$T/v6.db" 'SELECT COUNT(*) FROM verdict_sets')" -lt "$(q "$T/v6.db" 'SELECT COUNT(*) FROM reports')" ] ||
    fail "v6: verdict sets not shared"
"$LAPFIT" fleet import --db "$T/v6.db" "$T/in/skylake-u-2016.json" >/dev/null || fail "import into upgraded v6"

# concurrent imports into one database: nothing lost, nothing doubled
mkdir "$T/c1" "$T/c2"
py - "$R" "$T/c1" "$T/c2" <<'PY' || fail "make concurrent set"
import glob, json, os, sys
base = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))]
for i in range(400):
    d = json.loads(json.dumps(base[i % len(base)]))
    d["machine"]["uuid"] = "cafe%04d-0000-4000-8000-%012d" % (i, i)
    d["machine_id"] = None
    d["generated"] = "2026-02-%02dT10:00:00Z" % (1 + i % 28)
    for k, out in enumerate((sys.argv[2], sys.argv[3])):
        if i % 2 == k or i % 5 == 0:  # every 5th in both sets
            json.dump(d, open(os.path.join(out, "r%04d.json" % i), "w"))
PY
"$LAPFIT" fleet import --db "$T/c.db" "$T/c1" >"$T/o1" 2>&1 &
p1=$!
"$LAPFIT" fleet import --db "$T/c.db" "$T/c2" >"$T/o2" 2>&1 &
p2=$!
wait $p1 || fail "concurrent import 1: $(cat "$T/o1")"
wait $p2 || fail "concurrent import 2: $(cat "$T/o2")"
[ "$(q "$T/c.db" 'SELECT COUNT(*) FROM reports')" = 400 ] || fail "concurrent: $(q "$T/c.db" 'SELECT COUNT(*) FROM reports') reports"
[ "$(q "$T/c.db" 'SELECT COUNT(*) FROM machines')" = 400 ] || fail "concurrent machines"
[ "$(q "$T/c.db" 'SELECT SUM(reports) FROM machines')" = 400 ] || fail "concurrent machine counts"
[ "$(q "$T/c.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
# and the same fleet report as one import after the other
"$LAPFIT" fleet import --db "$T/s.db" "$T/c1" "$T/c2" >/dev/null || fail "serial import"
"$LAPFIT" fleet report --db "$T/c.db" --json >"$T/rc.json" && "$LAPFIT" fleet report --db "$T/s.db" --json >"$T/rs.json" || fail "reports"
cmp -s "$T/rc.json" "$T/rs.json" || fail "concurrent and serial imports give different fleet reports"

# only import creates a database
"$LAPFIT" fleet list --db "$T/none.db" >/dev/null 2>&1; [ $? -eq 1 ] && [ ! -e "$T/none.db" ] || fail "list of a missing database"

# usage
"$LAPFIT" fleet list >/dev/null 2>&1; [ $? -eq 2 ] || fail "no --db: exit 2"
err=$("$LAPFIT" fleet 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "bare fleet: exit $rc, $err"
"$LAPFIT" fleet --help | grep -q "fleet diff" || fail "fleet --help"
"$LAPFIT" fleet frobnicate --db "$T/f.db" >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad subcommand"
"$LAPFIT" fleet import --db "$T/f.db" >/dev/null 2>&1; [ $? -eq 2 ] || fail "import without files"
echo "fleet ok"
