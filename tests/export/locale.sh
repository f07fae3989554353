#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Machine-readable output is never locale-formatted: every export and fleet
# output under LC_ALL=de_DE.UTF-8 is byte-identical to LC_ALL=C.
set -u
fail() { echo "FAIL: $*"; exit 1; }
locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' || { echo "de_DE.UTF-8 locale missing, skipping"; exit 77; }
R="$LF_SOURCE_DIR/tests/fixtures/reports"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for loc in C de_DE.UTF-8; do
    for f in json csv glpi ocs; do
        LC_ALL=$loc LANGUAGE= "$LAPFIT" export --format $f --report "$R/thinkpad-two-batteries.json" >"$T/$loc.$f" || fail "$loc $f"
    done
    LC_ALL=$loc "$LAPFIT" fleet import --db "$T/$loc.db" "$R" >/dev/null || fail "import $loc"
    LC_ALL=$loc "$LAPFIT" fleet export --db "$T/$loc.db" --format csv >"$T/$loc.fcsv" || fail "fleet csv"
    LC_ALL=$loc "$LAPFIT" fleet export --db "$T/$loc.db" --format json >"$T/$loc.fjson" || fail "fleet json"
    LC_ALL=$loc "$LAPFIT" fleet report --db "$T/$loc.db" --json >"$T/$loc.rjson" || fail "report json"
    LC_ALL=$loc "$LAPFIT" fleet diff --db "$T/$loc.db" t420-lab-03 --json >"$T/$loc.djson" || fail "diff json"
done
for f in json csv glpi ocs fcsv fjson rjson djson; do
    cmp -s "$T/C.$f" "$T/de_DE.UTF-8.$f" || { diff "$T/C.$f" "$T/de_DE.UTF-8.$f" | head; fail "$f differs under de_DE"; }
done
grep -q '96.05' "$T/de_DE.UTF-8.csv" || fail "decimal point"
echo "locale ok"
