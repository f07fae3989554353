#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The live probe on the machine running the tests (label oracle): it must exit
# 0 and print a report that loads back, as an unprivileged user, with no udev
# daemon and no D-Bus, and agree with what the system says about itself.
set -u
: "${LAPFIT:?LAPFIT must name the lapfit binary}"
fail() { echo "FAIL: $*"; exit 1; }
work=$(mktemp -d -t lapfit-live.XXXXXX) || exit 99
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
unset DBUS_SESSION_BUS_ADDRESS
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/no-bus"   # never a real bus
export LC_ALL=C.UTF-8

check_report() {   # check_report FILE WHO
    "$LAPFIT" probe --report "$1" --json >"$work/again.json" 2>"$work/err" ||
        fail "$2: the report does not load back: $(cat "$work/err")"
    grep -q '"schema": "lapfit-report/1"' "$1" || fail "$2: no schema key"
    kernel=$(cat /proc/sys/kernel/osrelease)
    grep -q "\"kernel\": \"$kernel\"" "$1" || fail "$2: kernel is not $kernel"
    grep -q "\"arch\": \"$(uname -m)\"" "$1" || fail "$2: arch is not $(uname -m)"
    if [ -r /etc/os-release ]; then
        id=$(. /etc/os-release && echo "${ID:-}")
        [ -z "$id" ] || grep -q "\"id\": \"$id\"" "$1" || fail "$2: os id is not $id"
    fi
    if [ -d /sys/firmware/efi ]; then mode=uefi; else mode=bios; fi
    grep -q "\"mode\": \"$mode\"" "$1" || fail "$2: firmware mode is not $mode"
    # Every real disk in /sys/block is listed.
    for b in /sys/block/*; do
        n=$(basename "$b")
        case $n in loop*|ram*|zram*|dm-*|md*|sr*|nbd*|fd*|mmcblk*boot*|mmcblk*rpmb) continue ;; esac
        [ -e "$b/device" ] || continue
        grep -q "\"name\": \"$n\"" "$1" || fail "$2: disk $n missing"
    done
}

"$LAPFIT" probe --json >"$work/live.json" 2>"$work/err" ||
    fail "probe exited $?: $(cat "$work/err")"
check_report "$work/live.json" "$(id -un)"
echo "live probe as $(id -un): ok"

if [ "$(id -u)" -ne 0 ]; then
    echo "already unprivileged"; exit 0
fi
if command -v setpriv >/dev/null 2>&1; then
    drop="setpriv --reuid=nobody --regid=nogroup --clear-groups"
elif command -v runuser >/dev/null 2>&1; then
    drop="runuser -u nobody --"
else
    echo "SKIP: no setpriv or runuser to drop root"; exit 77
fi
if ! $drop test -x "$LAPFIT"; then
    echo "SKIP: user nobody cannot execute $LAPFIT (directory permissions)"; exit 77
fi
$drop "$LAPFIT" probe --json >"$work/nobody.json" 2>"$work/err" ||
    fail "probe as nobody exited $?: $(cat "$work/err")"
check_report "$work/nobody.json" nobody
echo "live probe as nobody: ok"
