#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tune on a copy of a tuner fixture root: the plan (current -> target per
# knob), the diff preview, apply after a confirmation, undo; cancelling
# writes nothing; a live root without root privileges is read-only.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
fixture=$LF_SOURCE_DIR/tests/fixtures/tune/thinkpad-x1c11
"$LAPFIT" tune plan --help >/dev/null 2>&1 || { echo "tuner not in this build, skipping"; exit 77; }
[ -d "$fixture" ] || { echo "no tuner fixture $fixture, skipping"; exit 77; }
cp -a "$fixture" "$work/root"
mkdir "$work/state"
epp=sys/devices/system/cpu/cpufreq/policy0/energy_performance_preference
before=$(cat "$work/root/$epp")
# The CLI's plan is what the screen must show.
changes=$(LC_ALL=C "$LAPFIT" tune plan balanced --on-battery --root "$work/root" \
          --state-dir "$work/state" --json | grep -c '"action" *: *"change"')
[ "$changes" -gt 0 ] || { echo "the fixture plan changes nothing"; exit 1; }

start 80 24 NO_COLOR=1 -- tui --root "$work/root" --state-dir "$work/state" --profile balanced
wait_for '^ Machine' 100
keys 4
wait_for "Profile: balanced +Power: on (battery|AC) +[0-9]+ to change"
state=$(screen | sed -n 's/.*Power: on \([a-zA-Z]*\).*/\1/p' | head -n 1)
[ "$state" = battery ] || keys b                # the fixture's plan on battery
wait_for "Profile: balanced +Power: on battery +$changes to change"
wait_for '^ \* cpu_epp policy0 +[a-z_]+ (→|->) balance_power'
wait_for "Diff: $changes changes"
keys a
wait_for "Apply profile 'balanced' \(on battery\): write $changes values\?"
keys n                                          # cancel: nothing written
wait_for 'Cancelled\.'
[ "$(cat "$work/root/$epp")" = "$before" ] || fail "cancel wrote $epp"
keys a
wait_for "write $changes values"
keys y
wait_for "Applied $changes changes; z undoes them\."
wait_for 'balanced +Power: on battery +0 to change'
wait_for "Undo available"
[ "$(cat "$work/root/$epp")" = balance_power ] || fail "$epp not written"
[ -n "$(ls "$work/state")" ] || fail "no journal in the state dir"
keys z
wait_for 'Undo: restore every value'
keys y
wait_for "Restored $changes values\."
wait_for "$changes to change"
[ "$(cat "$work/root/$epp")" = "$before" ] || fail "undo did not restore $epp"
diff -r "$fixture/sys" "$work/root/sys" >/dev/null || fail "undo left differences in sys/"
stop

# 40x10: the header keeps profile and power source whole (the counts go) and
# each knob's name and value share a wrapped line instead of a cut label.
start 40 10 NO_COLOR=1 -- tui --root "$work/root" --state-dir "$work/state" --profile balanced
wait_for '^ Machine' 100
keys 4
wait_for '^ Profile: balanced +Power: on (battery|AC) *$'
wait_for '^   cpu_governor policy0 +[a-z]+'
screen | sed -n '3,6p' | grep -q '…' && fail "Tune header or knobs cut at 40x10"
stop
# In German "Power: on battery" is longer: the header takes two lines.
if locale -a 2>/dev/null | grep -qix 'de_DE.utf-\{0,1\}8'; then
    start 40 10 NO_COLOR=1 LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 -- tui --root "$work/root" \
        --state-dir "$work/state" --profile balanced
    wait_for '^ Rechner' 100
    keys 4
    wait_for '^ Profil: balanced *$'
    wait_for '^ Strom: '
    screen | sed -n '3,6p' | grep -q '…' && fail "German Tune header cut at 40x10"
    stop
else
    echo "locale de_DE.UTF-8 not installed: the German 40x10 header is not checked"
fi

# The live machine without root: read-only, and a says why. As root, the
# check runs as nobody (setpriv) when it can; the TUI keeps the pane's tty.
asuser=
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1 \
        && setpriv --reuid=65534 --regid=65534 --clear-groups "$LAPFIT" --version >/dev/null 2>&1; then
        asuser="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        echo "root without setpriv: the read-only check is not run"
        asuser=none
    fi
fi
if [ "$asuser" != none ]; then
    LAPFIT_WRAP=$asuser start 80 24 NO_COLOR=1 -- tui --no-upower
    wait_for '^ (Machine|Could not read)' 100
    keys 4
    wait_for "Read-only: changing power settings needs root"
    keys a
    wait_for "Read-only: changing power settings needs root"
    stop
fi
echo "tui tune ok"
