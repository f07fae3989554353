#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# dbusmock.sh EXPECTED LAPFIT: the UPower path against python3-dbusmock's
# upower template: which devices count as system
# batteries (kind battery, power supply, present) and what a device with
# missing properties gives. lapfit runs in an empty umockdev testbed so no
# real /sys/class/power_supply leaks in. Exit 77 if a tool is missing.
set -u
expected=$1 lapfit=$2
here=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
for t in dbus-daemon gdbus umockdev-run "$PY"; do
    command -v "$t" >/dev/null 2>&1 || { echo "missing $t, skipping"; exit 77; }
done
"$PY" -c 'import dbusmock' 2>/dev/null || { echo "python3-dbusmock missing, skipping"; exit 77; }
work=$(mktemp -d -t lapfit-dbusmock.XXXXXX) || exit 99
bus_pid= mock_pid=
cleanup() {
    [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null
    [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
out=$(dbus-daemon --session --fork --print-address=1 --print-pid=1) || exit 99
addr=$(echo "$out" | sed -n 1p); bus_pid=$(echo "$out" | sed -n 2p)
export DBUS_SYSTEM_BUS_ADDRESS=$addr
unset DBUS_SESSION_BUS_ADDRESS
"$PY" -m dbusmock --system --template upower -p '{"DaemonVersion": "0.99.20", "OnBattery": true}' \
    >"$work/mock.log" 2>&1 & mock_pid=$!
i=0
until gdbus introspect --system -d org.freedesktop.UPower -o /org/freedesktop/UPower \
      >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -gt 200 ] && { echo "dbusmock did not start"; cat "$work/mock.log"; exit 99; }
    sleep 0.025
done
add() {   # add NAME PROPERTIES
    gdbus call --system -d org.freedesktop.UPower -o /org/freedesktop/UPower \
        -m org.freedesktop.DBus.Mock.AddObject "/org/freedesktop/UPower/devices/$1" \
        org.freedesktop.UPower.Device "$2" "@a(ssss) []" >/dev/null || exit 99
}
# Type: 2 battery, 3 ups, 5 mouse. State: 1 charging, 2 discharging, 4 full.
add battery_BAT0 "{'NativePath': <'BAT0'>, 'Vendor': <'SMP'>, 'Model': <'5B10W13930'>,
  'Type': <uint32 2>, 'PowerSupply': <true>, 'IsPresent': <true>, 'State': <uint32 2>,
  'Technology': <uint32 2>, 'Energy': <41.0>, 'EnergyFull': <50.0>, 'EnergyFullDesign': <57.0>,
  'EnergyRate': <8.2>, 'Voltage': <12.1>, 'Percentage': <82.0>, 'ChargeCycles': <312>,
  'TimeToEmpty': <int64 18000>}"
add battery_BAT2 "{'NativePath': <'BAT2'>, 'Type': <uint32 2>, 'PowerSupply': <true>,
  'IsPresent': <true>}"
add battery_BAT1 "{'NativePath': <'BAT1'>, 'Type': <uint32 2>, 'PowerSupply': <true>,
  'IsPresent': <false>, 'Energy': <10.0>}"
add battery_hidpp_battery_0 "{'NativePath': <'hidpp_battery_0'>, 'Type': <uint32 2>,
  'PowerSupply': <false>, 'IsPresent': <true>, 'Percentage': <40.0>}"
add mouse_dev "{'NativePath': <'mouse'>, 'Type': <uint32 5>, 'PowerSupply': <false>,
  'IsPresent': <true>, 'Percentage': <60.0>}"
add ups_hiddev0 "{'NativePath': <'hiddev0'>, 'Type': <uint32 3>, 'PowerSupply': <true>,
  'IsPresent': <true>, 'Energy': <100.0>}"
umockdev-run -- "$here/check-probe.sh" "$expected" upower "$lapfit" probe --json
