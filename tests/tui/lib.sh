# SPDX-License-Identifier: GPL-2.0-or-later
# Shared helpers for the tmux-driven TUI tests.
# Source it; then `start W H [ENV=VALUE...] -- ARGS...` runs `$LAPFIT ARGS` in
# a private tmux server, `wait_for ERE` polls the screen (bounded, never a
# fixed sleep) and `wait_exit` returns the program's exit status.
set -u
command -v tmux >/dev/null 2>&1 || { echo "tmux missing, skipping"; exit 77; }
: "${LAPFIT:?}"
: "${LF_SOURCE_DIR:?}"
REPORT=$LF_SOURCE_DIR/tests/fixtures/reports/tui/report-t420.json
work=$(mktemp -d -t lapfit-tui.XXXXXX) || exit 99
run=0                            # a fresh server (socket) per start: no races with the last one
tm() { tmux -S "$work/sock$run" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT

fail() { echo "FAIL: $*"; echo "--- screen:"; screen; exit 1; }
screen() { tm capture-pane -p -t lf 2>/dev/null; }
screen_sgr() { tm capture-pane -p -e -t lf 2>/dev/null; }
# settle: returns once two captures 0.05 s apart agree. tmux draws what the
# program writes as it arrives, so a screen that already shows the awaited
# text can still lack the rest of the same frame (the key bar, say); under
# ASan or a loaded machine that gap is long enough for a check to see it.
settle() {
    prev=$(screen_sgr)
    n=0
    while sleep 0.05; cur=$(screen_sgr); [ "$cur" != "$prev" ]; do
        prev=$cur
        n=$((n + 1))
        [ "$n" -ge 100 ] && fail "the screen never stopped changing"
    done
}
wait_for() {                     # wait_for ERE [TENTHS]
    n=0
    until screen | grep -Eq -- "$1"; do
        n=$((n + 1))
        [ "$n" -ge "${2:-50}" ] && fail "timeout waiting for /$1/"
        sleep 0.1
    done
    settle
}
wait_fixed() {                   # wait_fixed STRING [TENTHS]: literal text
    n=0
    until screen | grep -Fq -- "$1"; do
        n=$((n + 1))
        [ "$n" -ge "${2:-50}" ] && fail "timeout waiting for '$1'"
        sleep 0.1
    done
    settle
}
wait_gone() {                    # wait_gone ERE [TENTHS]
    n=0
    while screen | grep -Eq -- "$1"; do
        n=$((n + 1))
        [ "$n" -ge "${2:-50}" ] && fail "timeout waiting for /$1/ to go away"
        sleep 0.1
    done
}
keys() { tm send-keys -t lf "$@"; }

# start W H [VAR=VALUE...] -- lapfit arguments
start() {
    w=$1 h=$2; shift 2
    envs="TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 LAPFIT_LOCALEDIR=${LAPFIT_LOCALEDIR:-}"
    while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
    [ $# -gt 0 ] && shift
    args=
    for a in "$@"; do args="$args '$a'"; done
    run=$((run + 1))
    rm -f "$work/status" "$work/stty-before" "$work/stty-after"
    # The pane's shell records the tty modes before and after and the status,
    # then stays alive: tmux reports a dead pane's cursor as hidden.
    tm start-server \; set-option -g remain-on-exit on \; \
       new-session -d -s lf -x "$w" -y "$h" \
       "stty -g >'$work/stty-before'; env -u NO_COLOR -u LANGUAGE $envs ${LAPFIT_WRAP:-} '$LAPFIT' $args 2>'$work/stderr'; echo \$? >'$work/status.tmp'; stty -g >'$work/stty-after'; mv '$work/status.tmp' '$work/status'; exec sleep 60" \
       || exit 99
}

wait_exit() {                    # prints the exit status
    n=0
    until [ -s "$work/status" ]; do
        n=$((n + 1))
        [ "$n" -ge 50 ] && fail "the TUI did not exit"
        sleep 0.1
    done
    cat "$work/status"
}

# The terminal is as before: tty modes, main screen, cursor visible.
check_restored() {
    cmp -s "$work/stty-before" "$work/stty-after" \
        || fail "tty modes changed: $(cat "$work/stty-before") -> $(cat "$work/stty-after")"
    [ "$(tm display-message -p -t lf '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
    [ "$(tm display-message -p -t lf '#{cursor_flag}')" = 1 ] || fail "cursor still hidden"
}

stop() {                         # quit with q and check the terminal
    keys q
    st=$(wait_exit)
    [ "$st" = 0 ] || fail "exit status $st after q, want 0; stderr: $(cat "$work/stderr")"
    check_restored
    tm kill-server 2>/dev/null
}

# mouse BUTTON X Y: a mouse report as a terminal sends it (X10 encoding, which
# ncurses asks tmux for: kmous=\E[M), 1-based cell. BUTTON 0 = left press,
# 3 = release, 64 = wheel up, 65 = wheel down.
mouse() {
    tm send-keys -t lf -H 1b 5b 4d $(printf '%x %x %x' $((32 + $1)) $((32 + $2)) $((32 + $3)))
}
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }

# The content area (between the tab line and the message line) with SGR.
content_sgr() { screen_sgr | sed -n "3,$(( ${h:-24} - 2 ))p"; }
# Sends keys and waits until the screen (with attributes) changed.
changes() {
    before=$(screen_sgr)
    tm send-keys -t lf "$@"
    n=0
    while [ "$(screen_sgr)" = "$before" ]; do
        n=$((n + 1))
        [ "$n" -ge 50 ] && fail "keys '$*' changed nothing on screen"
        sleep 0.1
    done
    settle
}
# The line number (1-based) of the first screen line matching ERE, or fail.
line_of() {
    l=$(screen | grep -nE -- "$1" | head -n 1 | cut -d: -f1)
    [ -n "$l" ] || fail "no line /$1/"
    echo "$l"
}
