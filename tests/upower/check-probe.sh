#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# check-probe.sh EXPECTED SOURCE COMMAND...: runs COMMAND (a `lapfit probe
# --json`), keeps the batteries (without "source") and the power settings
# (without tuners_running), and diffs them against EXPECTED. Every battery
# must come from SOURCE ("upower" | "sysfs"). UPDATE=1 rewrites EXPECTED.
# Exit 0 same, 1 different, 77 python3 missing.
set -u
expected=$1 source=$2; shift 2
PY=/usr/bin/python3        # an earlier python3 in PATH may be another one
[ -x "$PY" ] || { echo "missing $PY, skipping"; exit 77; }
out=$(mktemp -t lapfit-probe.XXXXXX) || exit 99
trap 'rm -f "$out" "$out.err"' EXIT
"$@" >"$out" 2>"$out.err" || { echo "FAIL: $* exited $?"; cat "$out.err"; exit 1; }
"$PY" - "$out" "$source" >"$out.norm" <<'PYEOF' || { cat "$out.norm"; rm -f "$out.norm"; exit 1; }
import json, sys
report = json.load(open(sys.argv[1]))
want = sys.argv[2]
bats = report["batteries"]
for b in bats:
    if b.pop("source") != want:
        print("FAIL: battery %s not from %s" % (b["name"], want))
        sys.exit(1)
power = report["power"]
power.pop("tuners_running", None)
print(json.dumps({"batteries": bats, "power": power}, indent=2, sort_keys=True))
PYEOF
if [ "${UPDATE:-0}" = 1 ]; then
    mv "$out.norm" "$expected"; echo "updated $expected"; exit 0
fi
diff -u "$expected" "$out.norm"; rc=$?
rm -f "$out.norm"
[ $rc -eq 0 ] && echo "same figures as $(basename "$expected") (source $source)"
exit $rc
