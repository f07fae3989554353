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
# #13: a C1 CSI (U+009B) and bidi override/isolate (U+202E, U+2066) are valid
# UTF-8 but move the cursor or reorder the line: '?' like the escapes above.
sed 's/"product": "ThinkPad T420"/"product": "T\\u009b2J420\\u202eRTL\\u2066X"/' "$REPORT" >"$work/c1.json"
grep -q 'u009b' "$work/c1.json" || fail "could not build the C1 report"
start 80 24 -- tui --report "$work/c1.json"
wait_fixed 'LENOVO T?2J420?RTL?X'
clean c1
stop

# #13: log lines the TUI keeps while the screen is up are printed after it
# closes: a sysfs name with an escape in it comes out as '?' there too.
cp -a "$LF_SOURCE_DIR/tests/fixtures/machines/sandybridge-2011/sysroot" "$work/lroot"
hid=$(printf 'hid-X\033]0;pwned\007')
mkdir -p "$work/lroot/sys/devices/$hid"
echo Battery >"$work/lroot/sys/devices/$hid/type"; echo Device >"$work/lroot/sys/devices/$hid/scope"
ln -s "../../devices/$hid" "$work/lroot/sys/class/power_supply/$hid"
start 80 24 LAPFIT_DEBUG=1 -- tui --root "$work/lroot" --no-upower
wait_for '^ Model +LENOVO'
stop
grep -q 'hid-X?]0;pwned?: scope Device' "$work/stderr" || fail "the log line is missing: $(head -c 300 "$work/stderr")"
if LC_ALL=C grep -q "$esc" "$work/stderr"; then fail "an escape in the TUI's log reached the terminal"; fi

# #13 item 1: a report nested 100000 levels deep (json-glib would recurse off
# the stack) is a message on the screen; q leaves the terminal as it was, with
# exit 1 and the same one-line error.
python3 -c "n=100000;print('{\"schema\":\"lapfit-report/1\",\"x\":'+'['*n+']'*n+'}')" >"$work/deep.json"
start 80 24 -- tui --report "$work/deep.json"
wait_for 'nested deeper'
clean deep
keys q
st=$(wait_exit)
[ "$st" = 1 ] && [ "$(wc -l <"$work/stderr")" = 1 ] && grep -q '^lapfit: .*nested deeper' "$work/stderr" ||
    fail "deep report: exit $st, stderr: $(cat "$work/stderr")"
check_restored
tm kill-server 2>/dev/null
echo "tui terminals ok"
