#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Live battery values: the Battery screen polls the sysfs probe every two
# seconds, so a changed power_now/energy_now under --root shows up without a
# key press; a saved report says it is not live (screens.sh).
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
m=$LF_SOURCE_DIR/tests/fixtures/machines/skylake-u-2016
[ -d "$m/sysroot" ] || { echo "no fixture $m, skipping"; exit 77; }
cp -a "$m/sysroot" "$work/root"
bat=$(find "$work/root/sys/devices" -type d -name BAT0 | head -n 1)
[ -n "$bat" ] && [ -f "$bat/power_now" ] || { echo "fixture has no BAT0 power_now, skipping"; exit 77; }
opts="--root $work/root --no-upower"
[ -f "$m/cpuid.raw" ] && opts="$opts --cpuid-dump $m/cpuid.raw"
[ -f "$m/dmidecode.txt" ] && opts="$opts --dmidecode $m/dmidecode.txt"
start 80 24 NO_COLOR=1 -- tui $opts
wait_for '^ Machine' 100
keys 3
wait_for 'Power draw +6.3 W'
wait_for 'Charge +[#█░-]+ 61 %'
wait_for 'Design voltage +7.60 V'               # the pack's rating, for a replacement
# The battery drains faster now: 9.8 W, 25.0 Wh left.
printf '9800000\n' >"$bat/power_now.new" && mv "$bat/power_now.new" "$bat/power_now"
printf '25000000\n' >"$bat/energy_now.new" && mv "$bat/energy_now.new" "$bat/energy_now"
sed -i -e 's/^POWER_SUPPLY_POWER_NOW=.*/POWER_SUPPLY_POWER_NOW=9800000/' \
       -e 's/^POWER_SUPPLY_ENERGY_NOW=.*/POWER_SUPPLY_ENERGY_NOW=25000000/' \
       -e 's/^POWER_SUPPLY_CAPACITY=.*/POWER_SUPPLY_CAPACITY=51/' "$bat/uevent"
[ -f "$bat/capacity" ] && printf '51\n' >"$bat/capacity"
wait_for 'Power draw +9.8 W' 60          # one poll period is 2 s
wait_for 'updated [0-9]+ s ago, [0-9]+ refresh'
stop

# 40x10: the screen scrolls to the design voltage; labels and values fit.
w=40 h=10
start 40 10 NO_COLOR=1 -- tui $opts
wait_for '^ Machine' 100
keys 3
wait_for '^ Health'
n=0
until screen | grep -q 'Design voltage'; do
    n=$((n + 1)); [ "$n" -le 12 ] || fail "no design voltage line within 12 lines down"
    changes j
done
screen | grep -Eq '^ Design voltage +7.60 V *v?$' || fail "design voltage cut at 40 columns"
stop
echo "tui battery ok"
