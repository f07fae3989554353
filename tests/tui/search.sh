#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# '/' searches the rows of the current screen, incrementally and case-
# insensitively; Enter keeps the match, n finds the next, Esc cancels, and a
# search without a match says so.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
esc=$(printf '\033')
selected() {       # selected ERE: the reverse-video row matches
    n=0
    until screen_sgr | grep -Eq "${esc}\[([0-9]+;)*7m(${esc}\[[0-9;]*m)* ?$1"; do
        n=$((n + 1)); [ $n -ge 50 ] && { screen_sgr | cat -v; fail "row /$1/ not selected"; }
        sleep 0.1
    done
}
start 80 24 NO_COLOR=1 -- tui --report "$REPORT"
wait_for '^ Machine'
keys /
wait_for '^ Search: _'
keys -l ddr3
wait_for '^ Search: ddr3_'
selected 'Installed +4 GiB, DDR3-1333'
keys Enter
wait_gone 'Search:'
selected 'Installed'
keys / ; keys -l model
selected 'Model +LENOVO'
keys Enter n
selected 'Model +Intel'
keys / ; keys -l nosuchthing
wait_for "No match for 'nosuchthing'"
keys Escape                                 # cancel: back where the search began
wait_gone 'Search:'
selected 'Model +Intel'
# Search works on other screens too.
keys 5 / ; keys -l "warn or fail"
selected 'v +Recommend: show all'
keys Enter
stop
echo "tui search ok"
