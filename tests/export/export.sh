#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# lapfit export: every format for the fixture reports, golden files, RFC 4180
# CSV, anonymisation, a stable machine id, well-formed OCS XML.
# UPDATE=1 rewrites the golden files.
set -u
fail() { echo "FAIL: $*"; exit 1; }
R="$LF_SOURCE_DIR/tests/fixtures/reports"
G="$LF_SOURCE_DIR/tests/export/golden"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export LC_ALL=C
unset LAPFIT_ANONYMIZE_SALT

for m in thinkpad-two-batteries desktop-no-battery pentium-m-2005; do
    # json has no golden file: new report fields must not break this test
    "$LAPFIT" export --format json --report "$R/$m.json" -o "$T/$m.json" || fail "export json $m"
    "$LAPFIT" export --format json --report "$T/$m.json" -o "$T/$m.2.json" || fail "re-export $m"
    cmp -s "$T/$m.json" "$T/$m.2.json" || fail "json export does not round-trip: $m"
    grep -q '"serial"' "$T/$m.json" || fail "json export lacks private fields: $m"
    for f in csv glpi ocs; do
        "$LAPFIT" export --format "$f" --report "$R/$m.json" -o "$T/$m.$f" || fail "export $f $m"
        if [ "${UPDATE:-0}" = 1 ]; then cp "$T/$m.$f" "$G/$m.$f"; continue; fi
        diff -u "$G/$m.$f" "$T/$m.$f" || fail "$m.$f differs from golden (UPDATE=1 rewrites)"
    done
done

# every fixture: OCS well-formed with the sections a server needs
for r in "$R"/*.json; do
    m=$(basename "$r" .json)
    "$LAPFIT" export --format ocs --report "$r" >"$T/x.xml" || fail "ocs $m"
    /usr/bin/python3 "$LF_SOURCE_DIR/tests/export/check-ocs-xml.py" "$T/x.xml" \
        HARDWARE BIOS CPUS MEMORIES STORAGES NETWORKS VIDEOS || fail "ocs sections $m"
done
"$LAPFIT" export --format ocs --report "$R/thinkpad-two-batteries.json" >"$T/t.xml"
/usr/bin/python3 "$LF_SOURCE_DIR/tests/export/check-ocs-xml.py" "$T/t.xml" BATTERIES || fail "BATTERIES"
grep -q '<DESIGNCAPACITY>72000</DESIGNCAPACITY>' "$T/t.xml" || fail "primary battery is the 72 Wh one"

# XML escaping: a vendor with markup characters
sed 's/"vendor": "LENOVO"/"vendor": "A\&B <Co> \\"x\\""/' "$R/thinkpad-two-batteries.json" >"$T/esc.json"
"$LAPFIT" export --format ocs --report "$T/esc.json" >"$T/esc.xml" || fail "export escaped"
/usr/bin/python3 "$LF_SOURCE_DIR/tests/export/check-ocs-xml.py" "$T/esc.xml" || fail "escaping"
grep -q '<SMANUFACTURER>A&amp;B &lt;Co&gt; &quot;x&quot;</SMANUFACTURER>' "$T/esc.xml" || fail "escaped text"

# CSV: RFC 4180 quoting of that vendor, CRLF lines, header = documented columns
"$LAPFIT" export --format csv --report "$T/esc.json" >"$T/esc.csv" || fail "csv"
/usr/bin/python3 - "$T/esc.csv" <<'PY' || fail "csv parse"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert len(rows) == 2, rows
assert rows[1][rows[0].index("vendor")] == 'A&B <Co> "x"', rows[1]
assert open(sys.argv[1], "rb").read().count(b"\r\n") == 2
PY
head -1 "$T/esc.csv" | tr -d '\r' >"$T/header"
grep -q "^$(cat "$T/header")\$" "$LF_SOURCE_DIR/tests/export/csv-columns.txt" || fail "CSV header changed: update README and tests/export/csv-columns.txt (append only)"

# machine id: stable, hashed, private fields only in exports
id1=$("$LAPFIT" export --format csv --report "$R/skylake-u-2016.json" | tail -1 | cut -d, -f1)
id2=$("$LAPFIT" export --format csv --report "$R/skylake-u-2016.json" | tail -1 | cut -d, -f1)
[ "$id1" = "$id2" ] || fail "machine id not stable"
echo "$id1" | grep -Eq '^m-[0-9a-f]{32}$' || fail "machine id form: $id1"
# the same machine without its private fields keeps the id it was given
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["machine_id"]=sys.argv[2]; [d["machine"].pop(k) for k in ("serial","uuid","board_serial","hostname")]; json.dump(d, open(sys.argv[3],"w"))' \
    "$R/skylake-u-2016.json" "$id1" "$T/public.json"
id3=$("$LAPFIT" export --format csv --report "$T/public.json" | tail -1 | cut -d, -f1)
[ "$id1" = "$id3" ] || fail "id from a public report: $id3"

# --anonymize: no serial, MAC or host name left; stable; salt-dependent
"$LAPFIT" export --format json --anonymize --report "$R/skylake-u-2016.json" >"$T/a1.json" || fail "anon"
for s in 7D5MJ72 e7470-lab-04 a0:c5:89:00:00:04 TW0XFJWX550853AB1234 4c4c4544-0036; do
    grep -qi "$s" "$T/a1.json" && fail "anonymized export leaks $s"
done
for f in csv glpi ocs; do
    "$LAPFIT" export --format $f --anonymize --report "$R/skylake-u-2016.json" >"$T/a.$f"
    grep -qi "7D5MJ72\|e7470-lab-04\|a0:c5:89" "$T/a.$f" && fail "anonymized $f leaks"
done
a1=$(grep '"machine_id"' "$T/a1.json")
a2=$("$LAPFIT" export --format json --anonymize --report "$R/skylake-u-2016.json" | grep '"machine_id"')
[ "$a1" = "$a2" ] || fail "anonymized id not stable"
echo "$a1" | grep -q '"a-' || fail "anonymized id form: $a1"
a3=$(LAPFIT_ANONYMIZE_SALT=secret "$LAPFIT" export --format json --anonymize --report "$R/skylake-u-2016.json" | grep '"machine_id"')
[ "$a1" != "$a3" ] || fail "salt has no effect"
a4=$("$LAPFIT" export --format json --anonymize --report "$T/public.json" | grep '"machine_id"')
[ "$a1" = "$a4" ] || fail "anonymized id differs without private fields: $a4"

# usage errors
"$LAPFIT" export --report "$R/skylake-u-2016.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "no --format: exit 2"
"$LAPFIT" export --format xml --report "$R/skylake-u-2016.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad format"
"$LAPFIT" export --format csv --submit http://127.0.0.1:9/ --report "$R/skylake-u-2016.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "--submit needs ocs"
"$LAPFIT" export --format ocs --submit http://127.0.0.1:9/ocsinventory --report "$R/skylake-u-2016.json" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "submit to closed port: exit $rc"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "one error line: $(cat "$T/err")"
echo "export ok"
