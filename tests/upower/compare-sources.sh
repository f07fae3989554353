#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# compare-sources.sh EXPECTED LAPFIT: run by with-upowerd.sh. The same device
# must give the same figures from UPower and from sysfs. EXPECTED "-": no
# golden file, the sysfs figures are the reference.
set -u
expected=$1 lapfit=$2
here=$(dirname "$0")
preload=libumockdev-preload.so.0
tmp=
if [ "$expected" = - ]; then
    tmp=$(mktemp -t lapfit-expected.XXXXXX) || exit 99
    trap 'rm -f "$tmp"' EXIT
    expected=$tmp
    UPDATE=1 "$here/check-probe.sh" "$expected" sysfs \
        "$lapfit" probe --json --no-upower --root "$LAPFIT_TEST_TESTBED" >/dev/null || exit 1
fi
# The client sees the testbed too, so thresholds and AC come from the same sysfs.
"$here/check-probe.sh" "$expected" upower \
    env UMOCKDEV_DIR="$LAPFIT_TEST_TESTBED" LD_PRELOAD="$preload${LD_PRELOAD:+:$LD_PRELOAD}" \
    "$lapfit" probe --json || exit 1
[ -n "$tmp" ] && exit 0
"$here/check-probe.sh" "$expected" sysfs \
    "$lapfit" probe --json --no-upower --root "$LAPFIT_TEST_TESTBED" || exit 1
