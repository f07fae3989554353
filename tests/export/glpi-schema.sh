#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every fixture report exported as GLPI inventory JSON validates against the
# official schema (glpi-project/inventory_format), anonymized or not.
set -u
S="${LF_SHARED_DIR:-}/vendor-schemas/glpi-inventory.schema.json"
[ -f "$S" ] || { echo "GLPI schema not found at $S (../shared absent), skipping"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for r in "$LF_SOURCE_DIR"/tests/fixtures/reports/*.json; do
    m=$(basename "$r" .json)
    "$LAPFIT" export --format glpi --report "$r" -o "$T/$m.json" || { echo "FAIL: export $m"; exit 1; }
    "$LAPFIT" export --format glpi --anonymize --report "$r" -o "$T/$m.anon.json" || exit 1
done
# a report with almost nothing known still gives a valid document
printf '{"schema":"lapfit-report/1"}' >"$T/empty-report"
"$LAPFIT" export --format glpi --report "$T/empty-report" -o "$T/empty.json" || { echo "FAIL: empty"; exit 1; }
/usr/bin/python3 "$LF_SOURCE_DIR/tests/export/validate-json.py" "$S" "$T"/*.json
rc=$?
[ $rc -eq 0 ] && echo "GLPI schema ok ($(ls "$T"/*.json | wc -l) documents)"
exit $rc
