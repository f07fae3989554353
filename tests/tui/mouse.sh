#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The mouse at 80x24 and 40x10: a click selects a row (a second click opens
# it), the wheel scrolls, a click on a tab or a key in the bar acts as that
# key; under TERM=linux without gpm the TUI does not ask for mouse reports.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
esc=$(printf '\033')
rev="${esc}\[([0-9]+;)*7m"
tab_x() {           # the column of tab N's digit, in characters (not bytes)
    prefix=$(screen | sed -n 2p | sed "s/ $1 .*//; s/ $1\$//")
    echo $(( $(printf '%s' "$prefix" | LC_ALL=C.UTF-8 wc -m) + 2 ))
}
for size in "80 24" "40 10"; do
    set -- $size
    w=$1 h=$2
    start "$w" "$h" NO_COLOR=1 -- tui --report "$REPORT"
    wait_for '^ Machine'
    [ "$(tm display-message -p -t lf '#{mouse_any_flag}')" = 1 ] || fail "mouse reports not enabled"
    # The wheel scrolls (three lines a notch) until the second recommendation shows.
    first=$(screen | sed -n 3p)
    mouse 65 5 5
    n=0
    until [ "$(screen | sed -n 3p)" != "$first" ]; do
        n=$((n + 1)); [ $n -ge 30 ] && fail "the wheel did not scroll"; sleep 0.1
    done
    settle                                        # the whole frame, before reading it
    i=0
    until screen | sed -n "3,$((h - 2))p" | grep -q 'PASS Xubuntu'; do
        before=$(screen)
        mouse 65 5 5
        n=0
        while [ "$(screen)" = "$before" ]; do
            n=$((n + 1)); [ $n -ge 30 ] && fail "the wheel stopped scrolling before Xubuntu"; sleep 0.1
        done
        settle
        i=$((i + 1)); [ $i -ge 20 ] && fail "Xubuntu never scrolled into view"
    done
    y=$(line_of 'PASS Xubuntu')
    click 12 "$y"
    n=0
    # (tmux writes an attribute once per run of cells: the reverse video of
    # a wrapped row shows on its first line only; the click may also scroll
    # a row that was partly in view.)
    until screen_sgr | grep -E "$rev" | grep -q 'PASS Xubuntu'; do
        n=$((n + 1)); [ $n -ge 30 ] && fail "a click did not select Xubuntu (line $y)"; sleep 0.1
    done
    settle                                        # a click may scroll: the row's line after it
    # A click on the selected row opens it: Recommend, on that edition (a second click would
    # land on the Recommend screen and could open a details pane there).
    y=$(line_of 'PASS Xubuntu')
    click 12 "$y"                                 # already selected: this click opens it
    wait_for 'Use: desktop'
    screen_sgr | grep -E "$rev" | grep -q 'Xubuntu' || fail "Recommend not opened on Xubuntu"
    # Tabs: a click on "5" (Help) switches screens, a click on "1" goes back.
    x=$(tab_x 5)
    click "$x" 2
    wait_for '^ Keys'
    x=$(tab_x 1)
    click "$x" 2
    wait_for 'PASS Xubuntu'                    # Overview, scrolled as it was left
    top=$(screen | sed -n 3p)
    mouse 64 5 5                                  # wheel up: back towards the top
    n=0
    until [ "$(screen | sed -n 3p)" != "$top" ]; do
        n=$((n + 1)); [ $n -ge 30 ] && fail "the wheel did not scroll up"; sleep 0.1
    done
    # The key bar: a click on "F1" opens Help.
    click 1 "$h"
    wait_for '^ Keys'
    stop
done

# The Linux console without gpm: no mouse reports requested.
if [ ! -e /dev/gpmctl ]; then
    h=24
    start 80 24 TERM=linux -- tui --report "$REPORT"
    wait_for '^ Machine'
    [ "$(tm display-message -p -t lf '#{mouse_any_flag}')" = 0 ] || fail "TERM=linux without gpm asked for the mouse"
    stop
fi
echo "tui mouse ok"
