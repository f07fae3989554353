#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The build-time firmware table check (dbgen --firmware-table) stops on every
# bad row with file:line and passes the good rows.
set -u
fail() { echo "FAIL: $*"; exit 1; }
dbgen=$1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
ok='iwlwifi	8086:24fd	iwlwifi-8265-*.ucode	firmware-iwlwifi	yes	linux cfg/8000.c	linux-firmware	ubuntu=linux-firmware arch=linux-firmware-intel	WHENCE'
S='linux-firmware\tubuntu=linux-firmware\tWHENCE'
{
    printf '# comment\ndriver\tmatch\tfiles\tpackage\tnonfree\tsource\tshipped\tpackages\tshipped_source\n%s\n' "$ok"
    printf "iwlwifi\t8086:24FD\tx.ucode\tfirmware-iwlwifi\tyes\tsrc\t$S\n"    # line 4: upper-case id
    printf "r8169\t*\t-\tfirmware-realtek\tno\tsrc\t-\t-\tnone\n"            # line 5: - with a package
    printf "ath10k_pci\t*\tath10k/*\tfirmware-atheros\tmaybe\tsrc\t$S\n"      # line 6: nonfree
    printf 'e1000e\t*\t-\t-\tno\tsrc\n'                                     # line 7: 6 columns
    printf "brcmfmac\t*\ta.bin|b.txt\tfirmware-brcm80211\tyes\tsrc\t$S\n"     # line 8: one shipped for two files
    printf "brcmfmac\t*\ta.bin\tfirmware-brcm80211\tyes\tsrc\tdistro\t-\tW\n"  # line 9: shipped word
    printf "brcmfmac\t*\ta.bin\tp\tyes\tsrc\tboard\tsuse=x\tW\n"             # line 10: family
    printf "brcmfmac\t*\ta.bin\tp\tyes\tsrc\tboard\tarch=x arch=y\tW\n"      # line 11: family twice
    printf "brcmfmac\t*\ta.bin\tp\tyes\tsrc\t?\t-\t\n"                     # line 12: no shipped_source
    printf 'editions\tfamily\tsource\n'
    printf 'debian-*\tdebian\tdebian.org\n'                                      # line 14: good
    printf 'mint-*\tmint\twhy\n'                                                 # line 15: family
    printf 'a b\tdebian\twhy\n'                                                  # line 16: glob
    printf 'x-*\tarch\n'                                                          # line 17: 2 columns
} >"$dir/bad.tsv"
out=$("$dbgen" --firmware-table --root "$dir" "$dir/bad.tsv" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1: $out"
for want in "bad.tsv:4: match" "bad.tsv:5: files and package" "bad.tsv:6: nonfree" \
            "bad.tsv:7: needs 9" "bad.tsv:8: shipped" "bad.tsv:9: shipped" \
            "bad.tsv:10: packages" "bad.tsv:11: packages" "bad.tsv:12: shipped_source" \
            "bad.tsv:15: family" "bad.tsv:16: editions" "bad.tsv:17: needs 3"; do
    printf '%s\n' "$out" | grep -qF "$want" || fail "no '$want' in: $out"
done
printf '%s\n' "$out" | grep -q "bad.tsv:3:" && fail "good row 3 rejected: $out"
printf '%s\n' "$out" | grep -q "bad.tsv:14:" && fail "good row 14 rejected: $out"
printf '%s\n' "$out" | grep -qF "12 errors in the firmware table" || fail "count: $out"
printf 'x\tdebian\twhy\n' >"$dir/headless.tsv"
out=$("$dbgen" --firmware-table --root "$dir" "$dir/headless.tsv" 2>&1) &&
    fail "a row before any header accepted"
printf '%s\n' "$out" | grep -qF "headless.tsv:1: a row before the header" || fail "headless: $out"
printf 'driver\tmatch\tfiles\tpackage\tnonfree\tsource\tshipped\tpackages\tshipped_source\n%s\n' "$ok" >"$dir/good.tsv"
out=$("$dbgen" --firmware-table --root "$dir" --c-out "$dir/fw.h" "$dir/good.tsv" 2>&1) ||
    fail "good row rejected: $out"
grep -q "lf_firmware_tsv\[\]" "$dir/fw.h" || fail "no table in the generated header"
echo "bad firmware rows rejected with file:line"
