#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The terminal is restored (tty modes, main screen, visible cursor) after q,
# SIGTERM, SIGINT, and when the report cannot be read; and the first frame
# comes before the probe finishes, with progress shown.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
start 80 24 -- tui --report "$REPORT"
wait_for '^ Machine'
stop

for sig in TERM:15 INT:2; do
    num=${sig#*:}; sig=${sig%:*}
    start 80 24 -- tui --report "$REPORT"
    wait_for '^ Machine'
    pid=$(tm display-message -p -t lf '#{pane_pid}')
    tui_pid=$(pgrep -P "$pid" lapfit | head -n 1)
    [ -n "$tui_pid" ] || fail "no lapfit process under the pane"
    kill -$sig "$tui_pid"
    st=$(wait_exit)
    want=$((128 + num))
    [ "$st" = "$want" ] || fail "exit status $st after SIG$sig, want $want"
    check_restored
    tm kill-server
done

# An unreadable report: the screen says why, q restores the terminal, and
# the command fails (exit 1) with the reason on stderr.
start 80 24 -- tui --report /nonexistent/report.json
wait_for 'Could not read the machine: .*nonexistent'
keys q
st=$(wait_exit)
[ "$st" = 1 ] || fail "exit status $st after a failed load, want 1"
grep -q "^lapfit: .*nonexistent" "$work/stderr" || fail "no error on stderr: $(cat "$work/stderr")"
check_restored
tm kill-server

# Progress while probing: the probe is made slow; the first frame is there
# long before it ends, and the debug log times the first frame.
start 80 24 LAPFIT_TUI_TEST_PROBE_DELAY_MS=1500 LAPFIT_DEBUG=1 -- tui --report "$REPORT"
wait_for 'Probing this machine' 10
wait_for '^ Machine' 60
screen | grep -q 'DEBUG' && fail "log messages on the screen"
stop
grep -E 'first frame after [0-9.]+ ms' "$work/stderr" || fail "no first-frame timing in the log"
ms=$(sed -n 's/.*first frame after \([0-9]*\).* ms.*/\1/p' "$work/stderr" | head -n 1)
# 100 ms is the goal; the bound is loose for loaded CI machines.
[ "$ms" -lt 1000 ] || fail "first frame after $ms ms"
echo "tui restore ok"
