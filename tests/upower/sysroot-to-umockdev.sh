#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# sysroot-to-umockdev.sh SYSROOT: prints a umockdev description of the
# power_supply devices of a fixture sysroot (P:, E:, A: lines), so upowerd can
# read the same files lapfit reads with --root.
set -eu
root=$(cd "$1" && pwd -P)
for link in "$root"/sys/class/power_supply/*; do
    [ -e "$link" ] || continue
    dev=$(cd "$link" && pwd -P)
    name=$(basename "$dev")
    echo "P: ${dev#"$root"/sys}"
    echo "E: SUBSYSTEM=power_supply"
    echo "E: POWER_SUPPLY_NAME=$name"
    for f in "$dev"/*; do
        [ -f "$f" ] || continue
        a=$(basename "$f")
        [ "$a" = uevent ] && continue
        printf 'A: %s=%s\\n\n' "$a" "$(cat "$f")"
    done
    echo
done
