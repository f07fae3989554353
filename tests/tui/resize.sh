#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The layout follows live resizes: 80x24 -> 132x43 -> 80x24 -> 60x15.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
start 80 24 -- tui --report "$REPORT"
wait_for '^F1 Help'
lines_are() {      # lines_are N: the key bar is on the last of N lines
    n=0
    until [ "$(screen | wc -l)" -eq "$1" ] && screen | tail -n 1 | grep -q '^F1 Help'; do
        n=$((n + 1)); [ $n -ge 50 ] && fail "layout not redrawn for $1 lines"; sleep 0.1
    done
    settle
}
tm resize-window -t lf -x 132 -y 43
lines_are 43
wait_for 'saved report report-t420.json$' # title right-aligned to the new width
[ "$(screen | head -n 1 | LC_ALL=C.UTF-8 wc -L)" -ge 130 ] || fail "title not stretched to 132"
wait_for '^ OS +Debian GNU/Linux 12'         # the taller screen shows more rows
keys 2                                       # Recommend: the split changes with the width
wait_for 'Use: desktop'
tm resize-window -t lf -x 80 -y 24
lines_are 24
wait_for 'saved report report-t420.json$'
[ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le 80 ] || fail "a line is wider than 80 after shrinking"
tm resize-window -t lf -x 60 -y 15
lines_are 15
[ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le 60 ] || fail "a line is wider than 60"
stop
echo "tui resize ok"
