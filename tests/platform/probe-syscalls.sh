#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The probe starts no subprocess (no dmidecode, lspci, udevadm) and opens no
# network connection: strace every execve and connect of `lapfit probe`.
set -u
: "${LAPFIT:?LAPFIT must name the lapfit binary}"
command -v strace >/dev/null 2>&1 || { echo "SKIP: strace not installed"; exit 77; }
work=$(mktemp -d -t lapfit-strace.XXXXXX) || exit 99
trap 'rm -rf "$work"' EXIT
if ! strace -f -qq -e trace=execve -o "$work/probe" true 2>"$work/err"; then
    echo "SKIP: strace cannot trace here: $(head -1 "$work/err")"; exit 77
fi
# LeakSanitizer cannot run under ptrace (ASan build): leaks are checked elsewhere.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fail=0
for args in "probe --json" "probe --json --no-upower" "probe"; do
    # shellcheck disable=SC2086
    strace -f -qq -e trace=execve,connect -o "$work/trace" "$LAPFIT" $args >/dev/null 2>"$work/err" ||
        { echo "FAIL: lapfit $args exited non-zero: $(cat "$work/err")"; fail=1; continue; }
    execs=$(grep -c 'execve(' "$work/trace")
    inet=$(grep 'connect(' "$work/trace" | grep -c -E 'AF_INET|AF_INET6|AF_NETLINK')
    if [ "$execs" -ne 1 ] || [ "$inet" -ne 0 ]; then
        echo "FAIL: lapfit $args: $execs execve (want 1), $inet network connects (want 0):"
        cat "$work/trace"; fail=1
    else
        echo "lapfit $args: no subprocess, no network connection"
    fi
done
exit $fail
