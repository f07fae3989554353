#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A deliberately bad data file must be rejected with file:line for each problem.
set -u
fail() { echo "FAIL: $*"; exit 1; }
dbgen=$1; dir=$2
out=$("$dbgen" --check "$dir/bad.conf" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "dbgen exit $rc, want 1: $out"
for want in "bad.conf:6: unknown key 'ram_minimum_mb'" \
            "bad.conf:9: ram_rec_mb = 99999999 is outside" \
            "bad.conf:10: released: '2024-13-40' is not a date" \
            "bad.conf:12: source must start with an http(s) URL" \
            "bad.conf:15: edition 'dup-1' is defined twice" \
            "bad.conf:20: expected 'key=value'" \
            "bad.conf:17: edition id 'Bad_Id' must be a lowercase slug" \
            "bad.conf:17: [Bad_Id] lacks the required key 'name'" \
            "bad.conf:17: [Bad_Id] lacks the required key 'audience'" \
            "bad.conf:32: a rolling release is not a newcomer edition" \
            "bad.conf:32: an edition without a desktop (weight=none) is not a newcomer edition" \
            "bad.conf:45: audience: 'novice' is not one of newcomer, experienced, expert" \
            "bad.conf:46: ram_source must start with an http(s) URL" \
            "bad.conf:62: secure_boot_confidence without secure_boot" \
            "bad.conf:63: secure_boot_source without secure_boot" ; do
    printf '%s\n' "$out" | grep -qF "$want" || fail "missing '$want' in: $out"
done
echo "bad data rejected with file:line"
