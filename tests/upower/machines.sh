#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# machines.sh LAPFIT: for every fixture machine with a battery, a real upowerd
# serves its power_supply tree and the UPower figures must equal the sysfs
# figures (worn packs, charge units, health over 100 %, "Not charging", two
# batteries). Exit 0 all equal, 1 a difference, 77 a tool missing.
set -u
lapfit=$1
here=$(cd "$(dirname "$0")" && pwd)
machines="$here/../fixtures/machines"
work=$(mktemp -d -t lapfit-machines.XXXXXX) || exit 99
trap 'rm -rf "$work"' EXIT
n=0
for m in "$machines"/*/; do
    name=$(basename "$m")
    ls "$m/sysroot/sys/class/power_supply/" 2>/dev/null | grep -q . || continue
    grep -qx 'Battery' "$m"/sysroot/sys/class/power_supply/*/type 2>/dev/null || continue
    "$here/sysroot-to-umockdev.sh" "$m/sysroot" >"$work/$name.umockdev" || exit 99
    echo "== $name"
    "$here/with-upowerd.sh" "$work/$name.umockdev" \
        "$here/compare-sources.sh" - "$lapfit"
    rc=$?
    [ $rc -eq 0 ] || exit $rc
    n=$((n + 1))
done
[ $n -gt 0 ] || { echo "no fixture machine with a battery"; exit 1; }
echo "$n machines: same figures from UPower and sysfs"
