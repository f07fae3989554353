#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The artifact's bundled libupower-glib and GIO talk to the host's upowerd: with
# a real upowerd serving a two-battery umockdev fixture on a private system bus
# (tests/upower/with-upowerd.sh), the unpacked artifact reports the batteries
# from UPower with the same figures as the normal build, and its whole report
# (libudev, libcpuid, sysfs on this host) equals the normal build's.
# Usage: portable-upower.sh TARBALL      (label package; LF_PACKAGE_TESTS=1 runs it)
set -u
tarball=$1
[ "${LF_PACKAGE_TESTS:-0}" = 1 ] || { echo "SKIP: runs after portable-build: LF_PACKAGE_TESTS=1"; exit 77; }
[ -f "$tarball" ] || { echo "FAIL: $tarball was not built"; exit 1; }
[ -x /usr/bin/python3 ] || { echo "SKIP: python3 missing"; exit 77; }
w=$(mktemp -d -t lapfit-portable-upower.XXXXXX) || exit 99
trap 'rm -rf "$w"' EXIT
tar -xzf "$tarball" -C "$w" || exit 99
name=$(basename "$tarball" .tar.gz)
"$LF_SOURCE_DIR/tests/upower/with-upowerd.sh" "$LF_SOURCE_DIR/tests/fixtures/umockdev/two-batteries.umockdev" \
    sh -c '"$1" probe --json >"$3/artifact.json" && "$2" probe --json >"$3/normal.json"' \
    sh "$w/$name/lapfit" "$LAPFIT" "$w"
rc=$?
[ $rc -eq 0 ] || exit $rc
/usr/bin/python3 - "$w/artifact.json" "$w/normal.json" <<'PY'
import json, sys
full_art, full_nor = (json.load(open(p)) for p in sys.argv[1:3])
art, nor = full_art["batteries"], full_nor["batteries"]
assert art, "no batteries from the artifact"
assert all(b["source"] == "upower" for b in art), [b["source"] for b in art]
assert art == nor, (art, nor)
for r in (full_art, full_nor):
    r.pop("generated")
for key in full_nor:
    assert full_art.get(key) == full_nor[key], "%s differs: %r vs %r" % (key, full_art.get(key), full_nor[key])
assert full_art == full_nor
print("artifact: %d batteries from upowerd and the whole report as the normal build's" % len(art))
PY
