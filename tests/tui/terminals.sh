#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# TERM=linux, NO_COLOR, a monochrome terminal and a non-UTF-8 locale render
# without garbage: the expected text, no stray escape or control characters,
# ASCII glyphs where the locale or the console font cannot show symbols.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
esc=$(printf '\033')
clean() {          # no control characters in the plain capture
    if screen | LC_ALL=C grep -q "[[:cntrl:]]"; then
        screen | cat -v; fail "control characters on screen ($1)"
    fi
}
common() {
    wait_for '^ Model +LENOVO ThinkPad T420'
    wait_for 'Slots +1 of 2 used'
    wait_for '^F1 Help Tab Screen'
    clean "$1"
    keys 3
    wait_for 'Cycles +412'
    clean "$1"
}

# Linux console: colours, UTF-8 letters, ASCII symbols (console fonts lack them).
start 80 24 TERM=linux -- tui --report "$REPORT"
common linux
wait_for 'Health +#+-+ 56 %'
screen_sgr | grep -q "${esc}\[3[0-7]" || fail "TERM=linux: no colour"
stop

# NO_COLOR: attributes only, no colour sequences at all.
start 80 24 NO_COLOR=1 -- tui --report "$REPORT"
common no-color
screen_sgr | grep -Eq "${esc}\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)" && fail "NO_COLOR: colour used"
screen_sgr | grep -q "${esc}\[[0-9;]*7m" || fail "NO_COLOR: no reverse video"
stop

# A monochrome terminal (vt100 has no colours).
start 80 24 TERM=vt100 -- tui --report "$REPORT"
common vt100
stop

# A non-UTF-8 locale: plain ASCII glyphs.
start 80 24 LANG=C LC_ALL=C -- tui --report "$REPORT"
common ascii
wait_for 'Health +#+-+ 56 %'
screen | LC_ALL=C grep -q '[^ -~]' && { screen | cat -v; fail "non-ASCII text in the C locale"; }
stop
# Hostile text in a report (an OSC title sequence, a bell) is shown as '?'
# and never reaches the terminal.
sed 's/"product": "ThinkPad T420"/"product": "T420\\u001b]2;pwned\\u0007X"/' "$REPORT" >"$work/evil.json"
grep -q 'u001b' "$work/evil.json" || fail "could not build the hostile report"
start 80 24 -- tui --report "$work/evil.json"
wait_fixed 'LENOVO T420?]2;pwned?X'
[ "$(tm display-message -p -t lf '#{pane_title}')" != pwned ] || fail "escape sequence reached the terminal"
clean hostile
stop
echo "tui terminals ok"
