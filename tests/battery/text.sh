#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Human text of batteries and power on fixture machines (C locale).
set -u
export LC_ALL=C LANGUAGE=
M="$LF_SOURCE_DIR/tests/fixtures/machines"
fail() { echo "FAIL: $*"; exit 1; }
out=$("$LAPFIT" probe --root "$M/thinkpad-two-batteries/sysroot") || fail "probe exited $?"
echo "$out" | grep -q 'BAT1 01AV424 *health \[########--\] 82 % (58.4 Wh of 71.3 Wh design)' ||
    fail "health line: $out"
echo "$out" | grep -q '3 h 43 min to empty at this rate' || fail "time to empty"
echo "$out" | grep -q 'charge thresholds: start 75 %, stop 80 %' || fail "thresholds"
echo "$out" | grep -q 'Platform profile *low-power' || fail "platform profile"
out=$("$LAPFIT" probe --root "$M/meteorlake-2024/sysroot") || fail "probe exited $?"
echo "$out" | grep -q 'notes: health-over-100' || fail "flags"
echo "$out" | grep -q 'to full at this rate' || fail "time to full"
out=$("$LAPFIT" probe --root "$M/desktop-no-battery/sysroot") || fail "probe exited $?"
echo "$out" | sed -n '/^Batteries/,/^[A-Z]/p' | grep -q ' none found$' || fail "desktop: no battery"
echo "$out" | grep -q 'On AC *yes' || fail "desktop on AC"
echo "battery text ok"
