#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Progress of `fleet import` and `fleet export`: one line redrawn on a
# terminal (a pty from script(1)), none when piped or with --quiet; the
# final line counts imported / already present / skipped / failed.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v script >/dev/null || { echo "SKIP: script(1) (util-linux) not installed"; exit 77; }
R="$LF_SOURCE_DIR/tests/fixtures/reports"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export LC_ALL=C
# on_tty CMD: runs CMD on a pseudo-terminal, its output (both streams) in $T/tty
on_tty() { script -q -e -c "$1" /dev/null >"$T/tty" </dev/null; }
cp "$R"/*.json "$T/"; echo '{"not": "a report"}' >"$T/foreign.json"
on_tty "'$LAPFIT' fleet import --db '$T/f.db' '$T' '$T/missing.json'" || true
grep -q "11 of 11 (.* per second, about 0 s left)" "$T/tty" || fail "no progress on a terminal: $(cat -v "$T/tty")"
grep -q "$(printf '\r')" "$T/tty" || fail "progress line not redrawn in place"
grep -q "Imported 10 new reports, 0 already present, 1 skipped, 1 failed." "$T/tty" ||
    fail "final line: $(cat -v "$T/tty")"
on_tty "'$LAPFIT' fleet import --quiet --db '$T/f2.db' '$T'" || true  # 1: foreign.json was skipped
! grep -q "per second" "$T/tty" || fail "progress with --quiet"
grep -q "Imported 10 new reports" "$T/tty" || fail "quiet final line"
"$LAPFIT" fleet import --db "$T/f3.db" "$T" >"$T/out" 2>"$T/err"; [ $? -eq 1 ] || fail "piped import: exit 1 wanted (a file skipped)"
! grep -q "per second" "$T/out" "$T/err" || fail "progress when piped"
! grep -q "$(printf '\r')" "$T/out" "$T/err" || fail "carriage return when piped"
on_tty "'$LAPFIT' fleet export --db '$T/f.db' --format csv -o '$T/f.csv'" || fail "export on a tty"
grep -q "8 of 8 (" "$T/tty" || fail "no export progress on a terminal: $(cat -v "$T/tty")"
"$LAPFIT" fleet export --db "$T/f.db" --format csv -o "$T/g.csv" 2>"$T/err" || fail "piped export"
[ ! -s "$T/err" ] || fail "export progress when piped: $(cat "$T/err")"
cmp -s "$T/f.csv" "$T/g.csv" || fail "exports differ"
echo "fleet progress ok"
