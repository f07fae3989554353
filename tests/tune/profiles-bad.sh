#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The build-time profile check (dbgen --profiles) runs the tuner's parser: a bad
# key, value or line stops it with file:line; the shipped profiles pass and the
# embedded copies are byte for byte the files.
set -u
fail() { echo "FAIL: $*"; exit 1; }
dbgen=$1
src=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/profiles"
printf '[profile]\ndescription=x\n\n[knobs]\ncpu_governor=powersave\nsata_alpm=fastest\n' \
  >"$dir/profiles/bad-value.conf"
out=$("$dbgen" --profiles --root "$dir" "$dir/profiles/bad-value.conf" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "bad value: exit $rc, want 1: $out"
printf '%s\n' "$out" | grep -qF "profiles/bad-value.conf:6: 'fastest' is not a valid value" ||
  fail "bad value: no file:line in: $out"
printf '[knobs]\nno_such_knob=1\n' >"$dir/profiles/bad-key.conf"
printf '[knobs]\ncpu_governor\n' >"$dir/profiles/bad-line.conf"
out=$("$dbgen" --profiles --root "$dir" "$dir/profiles/bad-key.conf" \
      "$dir/profiles/bad-line.conf" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "bad key: exit $rc, want 1: $out"
printf '%s\n' "$out" | grep -qF "profiles/bad-key.conf:2: unknown knob 'no_such_knob'" ||
  fail "bad key: $out"
printf '%s\n' "$out" | grep -qF "profiles/bad-line.conf:2: expected KEY=VALUE" ||
  fail "every file is checked, not only the first bad one: $out"
printf '%s\n' "$out" | grep -qF "2 errors in the profiles" || fail "count: $out"
out=$("$dbgen" --profiles --root "$src" --c-out "$dir/p.c" "$src"/profiles/*.conf 2>&1) ||
  fail "shipped profiles rejected: $out"
for f in "$src"/profiles/*.conf; do
  n=$(basename "$f" .conf)
  grep -qF "{ \"$n\", " "$dir/p.c" || fail "$n not embedded"
done
echo "bad profiles rejected with file:line; shipped ones embedded"
