#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# design-voltage.sh LAPFIT: run by with-upowerd.sh on laptop-energy.umockdev
# (voltage_min_design 11.52 V, voltage_now 12.1 V). Through a real upowerd the
# battery's design voltage is voltage_min_design, and OCS publishes it as
# DESIGNVOLTAGE in mV, never the momentary voltage_now.
set -u
lapfit=$1
fail() { echo "FAIL: $*"; exit 1; }
w=$(mktemp -d) || exit 99
trap 'rm -rf "$w"' EXIT
run() {
    env UMOCKDEV_DIR="$LAPFIT_TEST_TESTBED" \
        LD_PRELOAD="libumockdev-preload.so.0${LD_PRELOAD:+:$LD_PRELOAD}" "$lapfit" "$@"
}
run probe --json >"$w/r.json" 2>"$w/err" || fail "probe: $(cat "$w/err")"
/usr/bin/python3 - "$w/r.json" <<'PY' || exit 1
import json, sys
b = json.load(open(sys.argv[1]))["batteries"][0]
if b["source"] != "upower":
    sys.exit("FAIL: battery from %s, want upower" % b["source"])
if b.get("design_voltage_v") != 11.52 or b.get("voltage_v") != 12.1:
    sys.exit("FAIL: design %s V, now %s V" % (b.get("design_voltage_v"), b.get("voltage_v")))
PY
run export --format ocs --report "$w/r.json" >"$w/r.xml" 2>"$w/err" ||
    fail "export: $(cat "$w/err")"
grep -q "<DESIGNVOLTAGE>11520</DESIGNVOLTAGE>" "$w/r.xml" ||
    fail "OCS DESIGNVOLTAGE: $(grep -o '<DESIGNVOLTAGE>[^<]*' "$w/r.xml")"
echo "UPower design voltage 11.52 V reaches OCS DESIGNVOLTAGE as 11520 mV"
