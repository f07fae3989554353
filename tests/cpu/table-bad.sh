#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The build-time CPU table check (dbgen --cpu-table) stops on a bad row with
# file:line, and on a row an earlier one shadows.
set -u
fail() { echo "FAIL: $*"; exit 1; }
dbgen=$1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
ok='intel	0x6	0x8E	*	*	Skylake	Kaby Lake	7th gen Core	2016	14 nm	kernel [O]'
printf '# comment\n%s\nintel\t0x6\t0x8E\t*\t*\tSkylake\n' "$ok" >"$dir/bad.tsv"
out=$("$dbgen" --cpu-table --root "$dir" "$dir/bad.tsv" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1: $out"
printf '%s\n' "$out" | grep -qF "bad.tsv:3: 6 columns" || fail "no file:line in: $out"
printf '%s\n%s\n' "$ok" "$ok" >"$dir/dup.tsv"
out=$("$dbgen" --cpu-table --root "$dir" "$dir/dup.tsv" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "duplicate: exit $rc, want 1: $out"
printf '%s\n' "$out" | grep -qF "dup.tsv:2: duplicate key of dup.tsv:1" || fail "dup: $out"
printf '%s\n' "$ok" >"$dir/good.tsv"
out=$("$dbgen" --cpu-table --root "$dir" "$dir/good.tsv" 2>&1) || fail "good row rejected: $out"
echo "bad CPU rows rejected with file:line"
