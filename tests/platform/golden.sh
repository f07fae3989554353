#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Golden reports of the fixture machines (tests/fixtures/machines/*/).
#
# For each machine: `lapfit probe --json` on its sysroot (plus cpuid.raw and
# dmidecode.txt when present) must equal expected.json, `generated` dropped.
# Where the sysroot also has sysfs DMI (sys/class/dmi/id), a second pass
# without --dmidecode must equal expected-sysfs.json. Each golden file must
# load back through `--report` and print identically (lossless round trip).
#
# UPDATE=1 tests/platform/golden.sh rewrites the golden files; review the diff.
# Usage: golden.sh [MACHINE...]   (default: every machine directory)
set -u
: "${LAPFIT:?LAPFIT must name the lapfit binary}"
here=$(cd "$(dirname "$0")" && pwd)
machines_dir="$here/../fixtures/machines"
export LC_ALL=C.UTF-8 LANGUAGE=
unset DBUS_SYSTEM_BUS_ADDRESS DBUS_SESSION_BUS_ADDRESS

work=$(mktemp -d -t lapfit-golden.XXXXXX) || exit 99
trap 'rm -rf "$work"' EXIT
failed=0 checked=0

# The report without its timestamp: a pretty-printed top-level key, one line.
strip() { grep -v '^  "generated": '; }

# compare NAME GOLDEN ACTUAL: diff, or rewrite under UPDATE=1.
compare() {
    if [ "${UPDATE:-0}" = 1 ]; then
        if ! cmp -s "$3" "$2"; then
            cp "$3" "$2" && echo "updated $1"
        fi
    elif [ ! -f "$2" ]; then
        echo "FAIL $1: no $(basename "$2") (run UPDATE=1 $0)"; failed=$((failed + 1))
    elif ! diff -u "$2" "$3" >"$work/diff"; then
        echo "FAIL $1: report differs from $(basename "$2"):"; head -60 "$work/diff"
        failed=$((failed + 1))
    fi
    checked=$((checked + 1))
}

# roundtrip NAME GOLDEN: load the golden file and print it again.
roundtrip() {
    [ -f "$2" ] || return 0
    if ! "$LAPFIT" probe --report "$2" --json >"$work/rt.raw" 2>"$work/rt.err"; then
        echo "FAIL $1: --report $(basename "$2"): $(cat "$work/rt.err")"; failed=$((failed + 1))
        return
    fi
    strip <"$work/rt.raw" >"$work/rt.json"
    if ! diff -u "$2" "$work/rt.json" >"$work/diff"; then
        echo "FAIL $1: $(basename "$2") does not survive a load/save round trip:"
        head -40 "$work/diff"; failed=$((failed + 1))
    fi
}

# probe NAME OUT ARGS...: run the probe, keep stderr for the failure message.
probe() {
    name=$1 out=$2; shift 2
    if ! "$LAPFIT" probe --json --no-upower "$@" >"$work/raw" 2>"$work/err"; then
        echo "FAIL $name: lapfit probe exited non-zero: $(cat "$work/err")"
        failed=$((failed + 1)); return 1
    fi
    strip <"$work/raw" >"$out"
}

if [ $# -gt 0 ]; then
    list=$(for m in "$@"; do echo "$machines_dir/$m/"; done)
else
    list=$(ls -d "$machines_dir"/*/)
fi
for dir in $list; do
    dir=${dir%/}; name=$(basename "$dir")
    [ -d "$dir/sysroot" ] || { echo "FAIL $name: no sysroot/"; failed=$((failed + 1)); continue; }
    set -- --root "$dir/sysroot"
    [ -f "$dir/cpuid.raw" ] && set -- "$@" --cpuid-dump "$dir/cpuid.raw"
    if probe "$name" "$work/nodmi.json" "$@"; then
        if [ -d "$dir/sysroot/sys/class/dmi/id" ] && [ -f "$dir/dmidecode.txt" ]; then
            compare "$name (sysfs DMI)" "$dir/expected-sysfs.json" "$work/nodmi.json"
            roundtrip "$name (sysfs DMI)" "$dir/expected-sysfs.json"
        fi
    fi
    [ -f "$dir/dmidecode.txt" ] && set -- "$@" --dmidecode "$dir/dmidecode.txt"
    probe "$name" "$work/out.json" "$@" || continue
    compare "$name" "$dir/expected.json" "$work/out.json"
    roundtrip "$name" "$dir/expected.json"
done

echo "golden: $checked reports checked, $failed failed"
[ $failed -eq 0 ]
