#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# refresh.sh LAPFIT: run by with-upowerd.sh on laptop-energy.umockdev. The
# battery changes (plugged in, charge level dropped), upowerd re-reads it on
# Device.Refresh, and UPower and sysfs must still agree: now charging, 20 of
# 50 Wh at 8.2 W -> 13170 s to full, upowerd's own arithmetic.
set -u
lapfit=$1
here=$(cd "$(dirname "$0")" && pwd)
bat="$LAPFIT_TEST_TESTBED/sys/class/power_supply/BAT0"
printf '20000000\n' >"$bat/energy_now"
printf 'Charging\n' >"$bat/status"
printf '1\n' >"$LAPFIT_TEST_TESTBED/sys/class/power_supply/AC/online"
gdbus call --system -d org.freedesktop.UPower -o /org/freedesktop/UPower/devices/battery_BAT0 \
    -m org.freedesktop.UPower.Device.Refresh >/dev/null || { echo "Refresh failed"; exit 1; }
json=$(env UMOCKDEV_DIR="$LAPFIT_TEST_TESTBED" \
    LD_PRELOAD="libumockdev-preload.so.0${LD_PRELOAD:+:$LD_PRELOAD}" "$lapfit" probe --json) || exit 1
/usr/bin/python3 - "$json" <<'PYEOF' || exit 1
import json, sys
b = json.loads(sys.argv[1])["batteries"][0]
want = {"source": "upower", "state": "charging", "now_wh": 20.0, "time_to_full_s": 13170}
got = {k: b[k] for k in want}
if got != want:
    print("FAIL: after Refresh got %s, want %s" % (got, want)); sys.exit(1)
PYEOF
"$here/compare-sources.sh" - "$lapfit"
