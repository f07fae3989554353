#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The Tune screen's `tune measure` and `tune fullcharge` (m, f) on a copy of a
# tuner fixture that runs on battery and has charge limits, at 80x24 and 40x10:
# the key bar offers them only where they work, a measurement shows the CLI's
# figures and leaves every file as it was (also when stopped or on q), a full
# charge lifts the limits until the next apply.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
fixture=$LF_SOURCE_DIR/tests/fixtures/tune/thinkpad-x1c11
"$LAPFIT" tune plan --help >/dev/null 2>&1 || { echo "tuner not in this build, skipping"; exit 77; }
[ -d "$fixture" ] || { echo "no tuner fixture $fixture, skipping"; exit 77; }
bat=sys/class/power_supply/BAT0
fresh() { rm -rf "$work/root" "$work/state"; cp -a "$fixture" "$work/root"; mkdir "$work/state"; }
same() { diff -r --no-dereference "$fixture" "$work/root" >/dev/null || fail "$1: files differ from the fixture"; }
# The CLI's measurement of the fixture is what the screen must show.
fresh
want=$(LC_ALL=C "$LAPFIT" tune measure balanced --seconds 1 --root "$work/root" \
       --state-dir "$work/state" 2>/dev/null | sed -n 's/^Battery draw before: \([0-9.]* W\) .*/\1/p')
[ -n "$want" ] || { echo "the CLI measures nothing on the fixture"; exit 1; }

# 80x24: m measures with the profile and undoes it; f lifts the limits.
fresh
w=80 h=24
start 80 24 NO_COLOR=1 -- tui --root "$work/root" --state-dir "$work/state" --profile balanced --seconds 3
wait_for '^ Machine' 100
keys 4
wait_for '^a Apply m Measure f Full charge p Profile b AC/Battery'
keys m
wait_for '^m Stop measuring'
wait_for 'Measuring (the current settings|with balanced): [0-9]+ of [0-9]+ s'
screen | sed -n "$((h - 1))p" | grep -Eq 'Apply|Full charge' && fail "writing keys offered while measuring"
wait_for 'Measurement done; the previous settings are back' 100
wait_for "Battery draw before: $want"
wait_for "Battery draw with balanced: $want"
same "after a measurement"
[ -e "$work/state/measure" ] || fail "the measurement kept no journal of its own"
keys Escape
wait_for '^a Apply m Measure f Full charge'
keys f
wait_for 'Charge the battery to 100 % once\?'
keys y
wait_for 'Lifted [0-9]+ charge limits?: the battery charges to 100 % once\.'
[ "$(cat "$work/root/$bat/charge_control_end_threshold")" = 100 ] || fail "stop limit not lifted"
[ -f "$work/state/fullcharge.json" ] || fail "the limits to bring back were not kept"
wait_for 'A full charge is under way'
keys Escape
settle
screen | sed -n "$((h - 1))p" | grep -q 'Full charge' && fail "f offered during a full charge"
keys a
wait_for 'write [0-9]+ values'
keys y
wait_for 'Applied [0-9]+ changes'
[ ! -f "$work/state/fullcharge.json" ] || fail "apply did not end the full charge"
[ "$(cat "$work/root/$bat/charge_control_end_threshold")" = "$(cat "$fixture/$bat/charge_control_end_threshold")" ] \
    || fail "apply did not bring the stop limit back"
stop

# 40x10: the measurement runs and stops on m, and q in the middle undoes it.
fresh
w=40 h=10
start 40 10 NO_COLOR=1 -- tui --root "$work/root" --state-dir "$work/state" --profile power-saver --seconds 6
wait_for '^ Machine' 100
keys 4
wait_for '^a Apply m Measure f Full charge'
keys m
wait_for 'Measuring with power-saver' 300
keys m
wait_for 'Measurement stopped; the' 100
same "after a stopped measurement"
keys Escape
wait_for '^a Apply m Measure'
keys m
wait_for 'Measuring with power-saver' 300
diff -r --no-dereference "$fixture" "$work/root" >/dev/null && fail "power-saver not applied while measuring"
stop
same "after q while measuring"

# A saved report: nothing to measure or charge.
fresh
start 40 10 NO_COLOR=1 -- tui --report "$REPORT" --state-dir "$work/state"
wait_for '^ Machine' 100
keys 4
wait_for 'saved report'
settle
screen | sed -n "$((h - 1)),${h}p" | grep -Eq 'Measure|Full charge|Apply|Undo' \
    && fail "a saved report offers tuning keys"
keys m
keys f
settle
[ -z "$(ls "$work/state")" ] || fail "keys on a saved report wrote a state"
stop
echo "tui tune actions ok"
