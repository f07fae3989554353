#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# with-upowerd.sh FIXTURE COMMAND...: runs COMMAND while a real upowerd serves
# the umockdev FIXTURE on a private system bus.
# Exports DBUS_SYSTEM_BUS_ADDRESS and LAPFIT_TEST_TESTBED (the testbed dir,
# whose sys/ upowerd reads). Exit: COMMAND's status, 77 if a tool is missing,
# 99 on harness error. Every process it starts is killed by PID.
set -u
fixture=$1; shift
UPOWERD=${UPOWERD:-/usr/libexec/upowerd}
for t in dbus-daemon umockdev-run gdbus "$UPOWERD"; do
    command -v "$t" >/dev/null 2>&1 || { echo "missing $t, skipping"; exit 77; }
done
work=$(mktemp -d -t lapfit-upower.XXXXXX) || exit 99
bus_pid= up_pid= run_pid=
cleanup() {
    [ -n "$up_pid" ] && kill "$up_pid" 2>/dev/null
    [ -n "$run_pid" ] && wait "$run_pid" 2>/dev/null  # umockdev-run removes its testbed
    [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 99' INT TERM

. "$(dirname "$0")/private-bus.sh"
start_private_bus "$work"

: >"$work/UPower.conf"
mkdir "$work/history"
# upowerd must not inherit an ASan preload from the test environment.
env -u LD_PRELOAD UPOWER_CONF_FILE_NAME="$work/UPower.conf" UPOWER_HISTORY_DIR="$work/history" \
umockdev-run -d "$fixture" -- sh -c \
    'echo "$UMOCKDEV_DIR" >"$0/testbed"; echo $$ >"$0/upowerd.pid"; exec "$1" -r -d' \
    "$work" "$UPOWERD" >"$work/upowerd.log" 2>&1 &
run_pid=$!

i=0                                     # bounded wait: 200 x 25 ms
until gdbus call --system -d org.freedesktop.UPower -o /org/freedesktop/UPower \
        -m org.freedesktop.DBus.Properties.Get org.freedesktop.UPower DaemonVersion \
        >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 200 ] || ! kill -0 "$run_pid" 2>/dev/null; then
        echo "upowerd did not start:"; cat "$work/upowerd.log"; exit 99
    fi
    sleep 0.025
done
up_pid=$(cat "$work/upowerd.pid")
LAPFIT_TEST_TESTBED="$(cat "$work/testbed")"
export LAPFIT_TEST_TESTBED

"$@"
rc=$?
[ $rc -ne 0 ] && { echo "--- upowerd log"; cat "$work/upowerd.log"; }
exit $rc
