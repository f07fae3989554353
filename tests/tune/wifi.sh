#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Wi-Fi power save over nl80211 (libnl-genl-3, opened at run time) against a netlink test double
# (this machine has no mac80211_hwsim). Usage: wifi.sh DOUBLE FIXTURES HWSIM_TEST
# The double answers generic netlink in user space; LAPFIT_NL80211_PEER points
# lapfit's socket at it. Exit 77 when the kernel refuses user-to-user netlink.
set -u
D=$1 F=$2 H=$3
fail() { echo "FAIL: $*"; exit 1; }
# libnl is opened on the first Wi-Fi request (src/tune/wifi.c), not at start-up.
if readelf -d "$LAPFIT" 2>/dev/null | grep -q 'NEEDED.*libnl'; then
    fail "lapfit links libnl (it should open it only for the Wi-Fi knob)"
fi
w=$(mktemp -d) || exit 99
dpid=
stop() { [ -n "$dpid" ] && kill "$dpid" 2>/dev/null && wait "$dpid" 2>/dev/null; dpid=; }
trap 'stop; rm -rf "$w"' EXIT
start() {  # IFINDEX=STATE...
  stop
  rm -f "$w/port"
  "$D" "$w/state.txt" "$@" >"$w/port" 2>"$w/double.err" &
  dpid=$!
  i=0
  until [ -s "$w/port" ]; do
    if ! kill -0 "$dpid" 2>/dev/null; then
      wait "$dpid"; rc=$?; dpid=
      [ $rc -eq 77 ] && { echo "skipped: $(cat "$w/double.err")"; exit 77; }
      fail "double died: $(cat "$w/double.err")"
    fi
    i=$((i + 1)); [ $i -le 200 ] || fail "double did not start"; sleep 0.025
  done
  LAPFIT_NL80211_PEER=$(cat "$w/port"); export LAPFIT_NL80211_PEER
}
run() { LC_ALL=C "$LAPFIT" tune "$@" --root "$w/root" --state-dir "$w/st"; }
cp -a "$F/thinkpad-x1c11" "$w/root"

# 1. Read, apply, undo: the double holds the state lapfit set.
start 3=off
run status --json | python3 -c "
import json, sys
k = [r for r in json.load(sys.stdin)['knobs'] if r['knob'] == 'wifi_power_save']
assert len(k) == 1 and k[0]['instance'] == 'wlan0' and k[0]['current'] == 'off', k" ||
  fail "status does not read power save over nl80211"
run plan power-saver --on-battery >"$w/plan" || fail plan
grep -q "wifi_power_save .*wlan0 .*off -> on" "$w/plan" || fail "plan: $(cat "$w/plan")"
run apply power-saver --on-battery >"$w/out" || fail "apply: $(cat "$w/out")"
grep -qx "3 on" "$w/state.txt" || fail "double state after apply: $(cat "$w/state.txt")"
grep -q '"knob" *: *"wifi_power_save"' "$w/st/journal.json" || fail "not journaled"
run plan balanced --on-ac | grep -q "wifi_power_save .*wlan0 .*on -> off" || fail "balanced on AC"
run undo >/dev/null || fail undo
grep -qx "3 off" "$w/state.txt" || fail "double state after undo: $(cat "$w/state.txt")"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/root" || fail "undo not byte-exact"

# 2. A driver without power save refuses the switch: one line naming the
#    interface, everything before it rolled back, no journal left.
start 3=unsupported
run apply power-saver --on-battery >/dev/null 2>"$w/err"; rc=$?
[ $rc -eq 1 ] || fail "unsupported: exit $rc"
[ "$(wc -l <"$w/err")" -eq 1 ] || fail "unsupported: $(cat "$w/err")"
grep -q "^lapfit: cannot switch Wi-Fi power saving of 'sys/class/net/wlan0/wireless': .*rolled back" \
  "$w/err" || fail "unsupported message: $(cat "$w/err")"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/root" || fail "unsupported: not rolled back"
[ ! -f "$w/st/journal.json" ] || fail "unsupported: journal left"

# 3. An interface the kernel does not know (index gone): read as unknown, skipped.
start 7=off
run plan power-saver --on-battery --json | python3 -c "
import json, sys
r = [r for r in json.load(sys.stdin)['rows'] if r['knob'] == 'wifi_power_save'][0]
assert r['action'] == 'skip' and r['reason'] == 'unreadable', r" || fail "unknown ifindex"

# 4. A copy of a machine without a double never talks to the kernel's nl80211.
stop; unset LAPFIT_NL80211_PEER
run plan power-saver --on-battery --json | python3 -c "
import json, sys
r = [r for r in json.load(sys.stdin)['rows'] if r['knob'] == 'wifi_power_save'][0]
assert r['reason'] == 'excluded' and 'copy' in r['detail'], r" || fail "fixture run used nl80211"
# 5. test-wifi-hwsim (the kernel's nl80211 on a mac80211_hwsim radio, where there is
#    one) on a copy laid out as hwsim's: it finds the radio, switches it and back.
mkdir -p "$w/hw/sys/devices/virtual/mac80211_hwsim/hwsim0/net/wlan0/wireless" "$w/hw/sys/class/net"
echo 5 >"$w/hw/sys/devices/virtual/mac80211_hwsim/hwsim0/net/wlan0/ifindex"
ln -s ../../devices/virtual/mac80211_hwsim/hwsim0/net/wlan0 "$w/hw/sys/class/net/wlan0"
start 5=on
"$H" "$w/hw" >"$w/hw.out" 2>&1 || fail "test-wifi-hwsim on the copy: $(cat "$w/hw.out")"
grep -qx "hwsim sys/class/net/wlan0/wireless: on -> off -> on" "$w/hw.out" || fail "hwsim: $(cat "$w/hw.out")"
grep -qx "5 on" "$w/state.txt" || fail "hwsim left the radio at: $(cat "$w/state.txt")"
start 5=unsupported
"$H" "$w/hw" >"$w/hw.out" 2>&1 && fail "test-wifi-hwsim passed a driver without power save"
echo "wifi ok"
