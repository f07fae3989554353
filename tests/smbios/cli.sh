#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `lapfit probe --dmidecode`: a named file that is missing or not dmidecode
# output is one clear error line and exit 1; a real one is the source.
set -u
: "${LAPFIT:?}" "${LF_SOURCE_DIR:?}"
fail() { echo "FAIL: $*"; exit 1; }
m="$LF_SOURCE_DIR/tests/fixtures/machines/thinkpad-two-batteries"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
printf 'root:x:0:0:root:/root:/bin/bash\n' >"$tmp/passwd"
head -c 70000 /dev/urandom >"$tmp/junk"
for bad in "$tmp/passwd" "$tmp/junk" "$tmp/missing" /dev/null "$tmp"; do
    err=$("$LAPFIT" probe --json --root "$m/sysroot" --dmidecode "$bad" 2>&1 >/dev/null); rc=$?
    [ $rc -eq 1 ] || fail "--dmidecode $bad: exit $rc, want 1"
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "--dmidecode $bad: want one line, got: $err"
    case $err in "lapfit: "*) ;; *) fail "--dmidecode $bad: $err" ;; esac
done
out=$("$LAPFIT" probe --json --root "$m/sysroot" --dmidecode "$m/dmidecode.txt") || fail "good file"
echo "$out" | grep -Eq '"smbios_source" *: *"dmidecode"' || fail "source not dmidecode: $out"
echo "$out" | grep -Eq '"installed_source" *: *"smbios"' || fail "memory not from smbios"
# no serials in the default JSON (privacy)
echo "$out" | grep -q 'PF1ABC2D' && fail "serial in the public report"
"$LAPFIT" probe --root "$m/sysroot" --dmidecode "$m/dmidecode.txt" | grep -q "DDR4-2400" ||
    fail "human output lacks the memory type"
# gzipped archives are read as such; a truncated one is an error
gzip -c "$m/dmidecode.txt" >"$tmp/d.txt.gz"
"$LAPFIT" probe --json --root "$m/sysroot" --dmidecode "$tmp/d.txt.gz" |
    grep -Eq '"installed_source" *: *"smbios"' || fail "gzipped dmidecode text"
head -c 300 "$tmp/d.txt.gz" >"$tmp/cut.gz"
err=$("$LAPFIT" probe --json --root "$m/sysroot" --dmidecode "$tmp/cut.gz" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "truncated gzip: $rc $err"
head -c 20000000 /dev/zero | gzip -c >"$tmp/bomb.gz"
err=$("$LAPFIT" probe --json --root "$m/sysroot" --dmidecode "$tmp/bomb.gz" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] || fail "gzip bomb: exit $rc: $err"
echo "smbios cli ok"
