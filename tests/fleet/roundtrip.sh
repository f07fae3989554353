#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Round trip from the probe: every fixture machine probed from its sysroot
# (+ dmidecode, CPUID dump) -> `export --format json` (twice: the machine id is
# stable) -> `fleet import` -> list/report, checked against the facts in
# tests/fixtures/machines/README.md; then each CSV export row equals the
# fleet CSV row of that machine.
set -u
fail() { echo "FAIL: $*"; exit 1; }
M="$LF_SOURCE_DIR/tests/fixtures/machines"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export LC_ALL=C
n=0
for d in "$M"/*/; do
    m=$(basename "$d")
    [ -d "$d/sysroot" ] && [ -f "$d/dmidecode.txt" ] || continue
    set -- --root "$d/sysroot" --dmidecode "$d/dmidecode.txt" --no-upower
    [ -f "$d/cpuid.raw" ] && set -- "$@" --cpuid-dump "$d/cpuid.raw"
    "$LAPFIT" export --format json "$@" -o "$T/$m.json" || fail "export $m"
    "$LAPFIT" export --format json "$@" -o "$T/$m.again.json" || fail "export again $m"
    a=$(grep -m1 '"machine_id"' "$T/$m.json"); b=$(grep -m1 '"machine_id"' "$T/$m.again.json")
    [ "$a" = "$b" ] || fail "$m: machine id differs between runs"
    echo "$a" | grep -Eq '"m-[0-9a-f]{32}"' || fail "$m: machine id $a"
    rm "$T/$m.again.json"
    "$LAPFIT" export --format csv --report "$T/$m.json" | tail -1 >>"$T/rows.csv"
    n=$((n + 1))
done
[ $n -ge 1 ] || { echo "no fixture machine with sysroot and dmidecode.txt yet, skipping"; exit 77; }
"$LAPFIT" fleet import --db "$T/f.db" "$T" >"$T/out" || fail "import"
grep -q "^Imported $n new reports" "$T/out" || fail "import: $(cat "$T/out")"
"$LAPFIT" fleet list --db "$T/f.db" --json >"$T/list.json" || fail "list"
# installed RAM (MB) and battery count per machine, from the README table
/usr/bin/python3 - "$T/list.json" "$n" <<'PY' || fail "figures"
import json, sys
facts = {  # product (SMBIOS) prefix -> (installed MB, batteries)
    "1871": (512, 1), "2668": (512, 1), "1000H": (1024, 1), "Latitude D630": (2048, 1),
    "4180": (4096, 1), "Latitude E7470": (8192, 1), "81YM": (8192, 1), "21HM": (16384, 1),
    "ASUS Zenbook 14 UX3405MA": (32768, 1), "20L5": (16384, 2), "OptiPlex 7010": (8192, 0),
    "T100TA": (2048, 1),
}
rows = json.load(open(sys.argv[1]))
assert len(rows) == int(sys.argv[2]), (len(rows), sys.argv[2])
assert len({r["machine_id"] for r in rows}) == len(rows)
checked = 0
for r in rows:
    for prefix, (mb, bats) in facts.items():
        if (r["product"] or "").startswith(prefix):
            assert r["ram_installed_mb"] == mb, (r["product"], r["ram_installed_mb"])
            assert r["battery_count"] == bats, (r["product"], r["battery_count"])
            checked += 1
assert checked == len(rows), f"{checked} of {len(rows)} machines matched the README facts"
PY
"$LAPFIT" fleet export --db "$T/f.db" --format csv -o "$T/fleet.csv" || fail "fleet export"
while IFS= read -r row; do
    grep -qxF "$row" "$T/fleet.csv" || fail "export row not in fleet csv: $row"
done <"$T/rows.csv"
"$LAPFIT" fleet report --db "$T/f.db" --json >"$T/report.json" || fail "report"
/usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["machines"]==int(sys.argv[2]); assert sum(b["machines"] for b in r["battery_health"])==r["machines"]; assert [b for b in r["battery_health"] if b["health_pct"]=="none"][0]["machines"]<=1' "$T/report.json" "$n" || fail "report figures"
echo "round trip ok ($n machines)"
