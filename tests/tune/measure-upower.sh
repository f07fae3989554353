#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `tune measure PROFILE` reading UPower's energy rate from a real upowerd that
# serves a umockdev battery (run by tests/upower/with-upowerd.sh with
# laptop-energy.umockdev: BAT0 discharging at 8.2 W with 41 Wh left). Once
# lapfit has applied the profile, the battery's rate drops to 6 W; lapfit must
# report both windows from UPower, the watts and hours gained, and undo.
set -u
T=$LAPFIT_TEST_TESTBED
fail() { echo "FAIL: $*"; exit 1; }
w=$(mktemp -d) || exit 99
mpid=
trap '[ -n "$mpid" ] && kill "$mpid" 2>/dev/null; rm -rf "$w"' EXIT
BAT=$T/sys/class/power_supply/BAT0
refresh() {
  gdbus call --system -d org.freedesktop.UPower -o /org/freedesktop/UPower/devices/battery_BAT0 \
    -m org.freedesktop.UPower.Device.Refresh >/dev/null || fail "UPower refresh"
}
rate() {
  gdbus call --system -d org.freedesktop.UPower -o /org/freedesktop/UPower/devices/battery_BAT0 \
    -m org.freedesktop.DBus.Properties.Get org.freedesktop.UPower.Device EnergyRate |
    sed -n 's/^(<\([0-9.]*\)>,)$/\1/p'
}
near() { python3 -c "import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > 1e-6)" "$1" "$2"; }
near "$(rate)" 8.2 || fail "upowerd starts at $(rate) W"
# Knobs for the profile to change below the testbed root, and a copy to compare after undo.
mkdir -p "$T/proc/sys/kernel" "$T/proc/sys/vm"
echo 1 > "$T/proc/sys/kernel/nmi_watchdog"; echo 500 > "$T/proc/sys/vm/dirty_writeback_centisecs"
cp -a "$T/proc" "$w/proc.before"

LC_ALL=C "$LAPFIT" tune measure power-saver --seconds 2 --json --root "$T" --state-dir "$w/st" \
  >"$w/m.json" 2>"$w/m.err" &
mpid=$!
i=0
until grep -q "^Applied power-saver" "$w/m.err" 2>/dev/null; do
  kill -0 "$mpid" 2>/dev/null || fail "measure ended early: $(cat "$w/m.err")"
  i=$((i + 1)); [ $i -le 400 ] || fail "measure did not apply: $(cat "$w/m.err")"; sleep 0.025
done
echo 6000000 > "$BAT/power_now"   # the new profile draws less
refresh
near "$(rate)" 6.0 || fail "upowerd did not take the new rate: $(rate)"
wait "$mpid"; rc=$?; mpid=
[ $rc -eq 0 ] || fail "measure: exit $rc: $(cat "$w/m.err")"
python3 - "$w/m.json" <<'PY' || fail "measure result: $(cat "$w/m.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["source"] == "upower", d
assert abs(d["before_w"] - 8.2) < 1e-6 and abs(d["after_w"] - 6.0) < 1e-6, d
assert abs(d["saved_w"] - 2.2) < 1e-6, d
assert abs(d["energy_wh"] - 41.0) < 1e-6, d
assert abs(d["hours_gained"] - (41 / 6.0 - 41 / 8.2)) < 1e-6, d     # 1 h 50 min
assert d["before_spread_w"] == 0 and d["after_spread_w"] == 0, d
assert d["written"] >= 2 and d["restored"] == d["written"], d
PY
diff -r "$w/proc.before" "$T/proc" || fail "measure did not undo its profile"
[ ! -f "$w/st/journal.json" ] || fail "measure touched the main journal"

# The text report, in a second run: the rate stays at 6 W, so nothing is gained.
LC_ALL=C "$LAPFIT" tune measure power-saver --seconds 1 --root "$T" --state-dir "$w/st" \
  >"$w/m.txt" 2>/dev/null || fail "measure (text)"
grep -q "^Battery draw before: 6.00 W (± 0.00 W, [0-9]* readings, upower)$" "$w/m.txt" ||
  fail "text: $(cat "$w/m.txt")"
grep -q "^Saves 0.00 W (0 %).$" "$w/m.txt" || fail "text saves: $(cat "$w/m.txt")"
grep -q "^Undone: restored [0-9]* files.$" "$w/m.txt" || fail "text undo: $(cat "$w/m.txt")"

# On AC there is no discharge rate to measure: one line, exit 1.
echo 1 > "$T/sys/class/power_supply/AC/online"
"$LAPFIT" tune measure --seconds 1 --root "$T" --state-dir "$w/st" 2>"$w/err"; rc=$?
[ $rc -eq 1 ] && grep -q "^lapfit: measuring needs the machine on battery" "$w/err" ||
  fail "on AC: exit $rc: $(cat "$w/err")"
echo "measure upower ok"
