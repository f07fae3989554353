#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --offline over the saved dmidecode files of all eleven fixture machines: nothing of
# the running machine (no "vm" chassis, no live RAM or OS), the CPU from SMBIOS
# type 4 matching the machine's golden report, batteries from type 22 (design
# figures only, health unknown) or none; a file of another machine is named in
# errors[], and so is a root that names no machine to compare; --offline without saved files, or with the live root, is a usage error.
set -u
fail() { echo "FAIL: $*"; exit 1; }
machines="$LF_SOURCE_DIR/tests/fixtures/machines"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export TMPDIR="$tmp"        # the empty offline root must be gone afterwards
checked=0
for m in atom-n270-netbook baytrail-tablet core2duo-2008 desktop-no-battery meteorlake-2024 \
         pentium-m-2005 raptorlake-u-2023 ryzen-4000-2020 sandybridge-2011 skylake-u-2016 \
         thinkpad-two-batteries; do
    dmi="$machines/$m/dmidecode.txt"
    "$LAPFIT" probe --json --offline --dmidecode "$dmi" >"$tmp/out.json" || fail "$m: exit $?"
    want22=$(grep -c "DMI type 22," "$dmi")
    /usr/bin/python3 - "$tmp/out.json" "$machines/$m/expected.json" "$want22" "$m" <<'PY' || exit 1
import json, sys
got, want, n22, name = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3]), sys.argv[4]
def fail(msg):
    print("FAIL: %s: %s" % (name, msg)); sys.exit(1)
gc, wc = got["cpu"], want["cpu"]
if got["machine"]["chassis"] != want["machine"]["chassis"]:
    fail("chassis %r, want %r" % (got["machine"]["chassis"], want["machine"]["chassis"]))
if gc["source"] != "smbios":
    fail("cpu.source %r" % gc["source"])
for k in ("vendor", "family", "model", "stepping", "generation", "uarch"):
    if gc[k] != wc[k]:
        fail("cpu.%s %r, want %r" % (k, gc[k], wc[k]))
if gc["isa_level"] is not None or gc["flags"]:
    fail("SMBIOS has no feature flags, yet isa_level=%r" % gc["isa_level"])
if got["memory"]["installed_mb"] != want["memory"]["installed_mb"]:
    fail("installed RAM %r, want %r" % (got["memory"]["installed_mb"], want["memory"]["installed_mb"]))
if got["memory"]["usable_mb"] is not None or got["os"]["kernel"] is not None:
    fail("facts of the running machine leaked in")
bats = got["batteries"]
if len(bats) != n22:
    fail("%d batteries, want %d (type 22 records)" % (len(bats), n22))
for b in bats:
    if b["source"] != "smbios" or b["health_pct"] is not None or not b["design_wh"] or not b["name"]:
        fail("battery %r" % b)
PY
    checked=$((checked + 1))
done
[ -z "$(ls "$tmp" | grep lapfit-offline)" ] || fail "the empty offline root was left behind"

# A dmidecode file of another machine than the root's is named in errors[].
"$LAPFIT" probe --json --root "$machines/skylake-u-2016/sysroot" \
    --dmidecode "$machines/ryzen-4000-2020/dmidecode.txt" >"$tmp/mix.json" || fail "mixed probe"
grep -q 'comes from another machine' "$tmp/mix.json" || fail "mismatch not reported"
"$LAPFIT" probe --json --root "$machines/skylake-u-2016/sysroot" \
    --dmidecode "$machines/skylake-u-2016/dmidecode.txt" >"$tmp/same.json" || fail "same probe"
grep -q 'comes from another machine' "$tmp/same.json" && fail "same machine called another"

# A root that names no machine (no sys/class/dmi: a container) cannot be compared: said so,
# except under --offline, where nothing of a root is mixed in.
mkdir -p "$tmp/noid"
"$LAPFIT" probe --json --root "$tmp/noid" \
    --dmidecode "$machines/ryzen-4000-2020/dmidecode.txt" >"$tmp/noid.json" || fail "no-id probe"
grep -q 'cannot tell whether the --dmidecode file comes from this machine' "$tmp/noid.json" \
    || fail "a root without identity not reported"
"$LAPFIT" probe --json --offline \
    --dmidecode "$machines/ryzen-4000-2020/dmidecode.txt" >"$tmp/off.json" || fail "offline probe"
grep -q 'cannot tell whether\|comes from another machine' "$tmp/off.json" \
    && fail "--offline: the saved file was compared with an empty root"

"$LAPFIT" probe --offline >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--offline alone: exit $rc, want 2"
"$LAPFIT" probe --offline --root / >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--offline --root /: exit $rc, want 2"
echo "offline: $checked saved machines, none mixed with this one"
