#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every screen renders at 80x24 and 132x43 from a saved report; Tab,
# Shift-Tab, digits, F1 and the arrow keys move between screens and rows;
# Enter opens the battery screen from the overview.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"

for size in "80 24" "132 43"; do
    set -- $size
    start "$1" "$2" NO_COLOR=1 -- tui --report "$REPORT"
    wait_for '^ lapfit [0-9.]+ - LENOVO ThinkPad T420 .*saved report report-t420.json'
    wait_for '1 Overview .* 5 Help'
    wait_for '^ Model +LENOVO ThinkPad T420'
    wait_for 'ISA level +64-bit CPU: editions that need x86-64-v3 will not run'
    wait_for '^ +x86-64-v2 \(next level needs AVX2'
    wait_for 'Slots +1 of 2 used, board maximum 16 GiB'
    wait_for 'BAT0 +[#█░-]+ health 56 % \(31.2 Wh of 56.2 Wh\)'
    wait_for 'Recommended distributions'
    wait_for '^F1 Help Tab Screen'
    [ "$(screen | wc -l)" -eq "$2" ] || fail "screen is not $2 lines"
    [ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le "$1" ] || fail "a line is wider than $1 columns"

    keys Tab                                   # 2 Recommend
    wait_for 'Use: desktop +Showing: all verdicts'
    keys Tab                                   # 3 Battery
    wait_for '^ BAT0: SANYO 42T4861 \(Li-ion\)'
    wait_for 'Cycles +412'
    wait_for 'Time to empty +2 h 11 min'
    wait_for 'not live'
    keys Tab                                   # 4 Tune
    wait_for 'Tune'
    keys Tab                                   # 5 Help
    wait_for '^ Keys'
    wait_for 'Shift-Tab +previous screen'
    keys BTab                                  # Shift-Tab back to Tune
    wait_gone '^ Keys'
    keys 1
    wait_for '^ Machine'
    keys F1
    wait_for '^ Keys'
    keys 1
    wait_for '^ Machine'

    # Only rows with an action take the cursor: it starts on the first
    # recommendation (reverse video without colour); j, Down and k move it.
    esc=$(printf '\033')
    sel() {
        n=0
        until screen_sgr | grep -Eq "${esc}\[7m $1"; do
            n=$((n + 1)); [ $n -ge 50 ] && fail "row /$1/ not selected"; sleep 0.1
        done
        settle                                 # the checks after it read the whole frame
    }
    sel '[✓+] PASS Debian 13'
    screen_sgr | grep -q "${esc}\[7m Machine" && fail "a heading took the cursor"
    keys j Down
    sel '[✓+] PASS Xubuntu'
    keys k
    sel '[✓+] PASS Linux Mint'
    # Enter on the battery row opens the Battery screen.
    keys /; keys -l BAT0; keys Enter Enter
    wait_for 'Cycles +412'
    stop
done
echo "tui screens ok"
