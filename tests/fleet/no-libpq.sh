#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# libpq is opened only for a postgresql:// fleet database (src/fleet/store-pg.c):
# the executable does not link it, other commands run without it, and a
# postgresql:// --db without it fails with one line naming libpq5, exit 1.
# libpq is hidden by mounting /dev/null over it in a private mount namespace.
set -u
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export LC_ALL=C

if readelf -d "$LAPFIT" 2>/dev/null | grep -q 'NEEDED.*libpq'; then
    fail "lapfit links libpq (it should open it only for postgresql://)"
fi
cat >"$T/run.sh" <<'SH'
lib=$(/sbin/ldconfig -p | sed -n 's/^[[:space:]]*libpq\.so\.5 .*=> //p' | head -1)
[ -z "$lib" ] || mount --bind /dev/null "$lib" || exit 99
"$LAPFIT" --version >"$1/version.out" 2>&1 || exit 98
"$LAPFIT" fleet list --db postgresql://lapfit@127.0.0.1:1/none >"$1/out" 2>"$1/err"
echo $? >"$1/rc"
SH
unshare -rm sh "$T/run.sh" "$T" 2>/dev/null || unshare -m sh "$T/run.sh" "$T" 2>/dev/null
rc=$?
[ "$rc" -eq 99 ] || [ ! -f "$T/rc" ] && skip "cannot hide libpq in a private mount namespace"
[ "$rc" -eq 98 ] && fail "--version failed without libpq: $(cat "$T/version.out")"
[ "$(cat "$T/rc")" = 1 ] || fail "exit $(cat "$T/rc"), want 1"
[ -s "$T/out" ] && fail "stdout not empty: $(cat "$T/out")"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "want one error line: $(cat "$T/err")"
grep -q '^lapfit: PostgreSQL support needs libpq (libpq5): ' "$T/err" ||
    fail "unexpected message: $(cat "$T/err")"
echo "ok: $(cat "$T/err")"
