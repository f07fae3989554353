#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The CLI contract: version, help, usage errors (exit 2, one line on stderr).
set -u
fail() { echo "FAIL: $*"; exit 1; }
"$LAPFIT" --version | grep -Eq '^lapfit [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
"$LAPFIT" --help | grep -q probe || fail "--help lists commands"
err=$("$LAPFIT" no-such-command 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || fail "unknown command exit $rc, want 2"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "unknown command: want one line, got: $err"
echo "$err" | grep -q "^lapfit: " || fail "error prefix: $err"
"$LAPFIT" probe --bogus >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "bad option exit $rc, want 2"
"$LAPFIT" probe --report /nonexistent >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "missing report exit $rc, want 1"
echo "cli basics ok"
