#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The build-time firmware table check (dbgen --firmware-table) stops on every
# bad row with file:line and passes the good rows.
set -u
fail() { echo "FAIL: $*"; exit 1; }
dbgen=$1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
ok='iwlwifi	8086:24fd	iwlwifi-8265-*.ucode	firmware-iwlwifi	yes	linux cfg/8000.c'
{
    printf '# comment\ndriver\tmatch\tfiles\tpackage\tnonfree\tsource\n%s\n' "$ok"
    printf 'iwlwifi\t8086:24FD\tx.ucode\tfirmware-iwlwifi\tyes\tsrc\n'    # line 4: upper-case id
    printf 'r8169\t*\t-\tfirmware-realtek\tno\tsrc\n'                      # line 5: - with a package
    printf 'ath10k_pci\t*\tath10k/*\tfirmware-atheros\tmaybe\tsrc\n'      # line 6: nonfree
    printf 'e1000e\t*\t-\t-\tno\n'                                         # line 7: 5 columns
} >"$dir/bad.tsv"
out=$("$dbgen" --firmware-table --root "$dir" "$dir/bad.tsv" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1: $out"
for want in "bad.tsv:4: match" "bad.tsv:5: files and package" "bad.tsv:6: nonfree" \
            "bad.tsv:7: needs 6"; do
    printf '%s\n' "$out" | grep -qF "$want" || fail "no '$want' in: $out"
done
printf '%s\n' "$out" | grep -q "bad.tsv:3:" && fail "good row 3 rejected: $out"
printf '%s\n' "$out" | grep -qF "4 errors in the firmware table" || fail "count: $out"
printf '%s\n' "$ok" >"$dir/good.tsv"
out=$("$dbgen" --firmware-table --root "$dir" --c-out "$dir/fw.h" "$dir/good.tsv" 2>&1) ||
    fail "good row rejected: $out"
grep -q "lf_firmware_tsv\[\]" "$dir/fw.h" || fail "no table in the generated header"
echo "bad firmware rows rejected with file:line"
