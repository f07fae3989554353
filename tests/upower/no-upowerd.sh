#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# no-upowerd.sh [--stuck] LAPFIT FIXTURE EXPECTED: a system bus without
# upowerd. The live probe (root "/", in a umockdev testbed) must fall back to
# sysfs at once: no D-Bus activation, no waiting for a timeout. --stuck: a
# process owns org.freedesktop.UPower but never answers (a hung upowerd); the
# fallback must come after lapfit's short ping timeout, not D-Bus's 25 s.
# Exit 77 if a tool is missing.
set -u
stuck=0
[ "$1" = --stuck ] && { stuck=1; shift; }
lapfit=$1 fixture=$2 expected=$3
here=$(cd "$(dirname "$0")" && pwd)
for t in dbus-daemon umockdev-run; do
    command -v "$t" >/dev/null 2>&1 || { echo "missing $t, skipping"; exit 77; }
done
work=$(mktemp -d -t lapfit-noup.XXXXXX) || exit 99
bus_pid= owner_pid=
cleanup() {
    [ -n "$owner_pid" ] && kill "$owner_pid" 2>/dev/null
    [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
. "$(dirname "$0")/private-bus.sh"
start_private_bus "$work"
label="bus without upowerd"
if [ $stuck = 1 ]; then
    PY=/usr/bin/python3
    "$PY" -c 'import dbus' 2>/dev/null || { echo "python3-dbus missing, skipping"; exit 77; }
    mkfifo "$work/ready"
    "$PY" "$here/stuck-upowerd.py" >"$work/ready" & owner_pid=$!
    read -r line <"$work/ready"          # blocks until the name is owned (or the owner exits)
    [ "$line" = ready ] || { echo "could not own org.freedesktop.UPower"; exit 99; }
    label="upowerd that never answers"
fi
start=$(date +%s%N)
umockdev-run -d "$fixture" -- "$here/check-probe.sh" "$expected" sysfs "$lapfit" probe --json
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$label: sysfs fallback, whole run ${ms} ms"
[ $rc -eq 0 ] || exit $rc
# Generous bound (shared CI machines); the D-Bus default timeout would be 25 s.
[ $ms -lt 5000 ] || { echo "FAIL: fallback took ${ms} ms"; exit 1; }
