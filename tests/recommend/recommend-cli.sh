#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# recommend / check / db on the command line: exit codes, JSON schema, C-locale output.
set -u
fail() { echo "FAIL: $*"; exit 1; }
R="$LF_SOURCE_DIR/tests/fixtures/reports/recommend"
T="--today 2026-11-27"
TMPDIR=$(mktemp -d) || exit 99
trap 'rm -rf "$TMPDIR"' EXIT

"$LAPFIT" check lubuntu-18.04-i386 --report "$R/pentium-m-2005.json" $T >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "check WARN exit $rc, want 1"
"$LAPFIT" check lubuntu-26.04 --report "$R/pentium-m-2005.json" $T >/dev/null; rc=$?
[ $rc -eq 2 ] || fail "check FAIL exit $rc, want 2"
"$LAPFIT" check no-such-edition --report "$R/pentium-m-2005.json" $T >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "check unknown id exit $rc, want 3"
"$LAPFIT" check >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "check without id exit $rc, want 3"
"$LAPFIT" check lubuntu-26.04 --bogus >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "check bad option exit $rc, want 3"
"$LAPFIT" check lubuntu-26.04 --report /nonexistent >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "check unreadable report exit $rc, want 3"

out=$("$LAPFIT" recommend --json --report "$R/pentium-m-2005.json" $T) || fail "recommend --json"
echo "$out" | grep -q '"schema": "lapfit-verdicts/1"' || fail "verdicts schema: $out"
echo "$out" | grep -q '"basis": "installed"' || fail "memory basis"
"$LAPFIT" recommend --use bogus --report "$R/pentium-m-2005.json" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "recommend --use bogus exit $rc, want 2"
"$LAPFIT" recommend --for novice --report "$R/pentium-m-2005.json" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "recommend --for novice exit $rc, want 2"
"$LAPFIT" check antix-23-i386 --for wizard --report "$R/pentium-m-2005.json" >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "check --for wizard exit $rc, want 3"
# --for: newcomer by default; the answer (best three) opens the text and is in the JSON.
echo "$out" | grep -q '"for": "newcomer"' || fail "default --for is not newcomer"
echo "$out" | grep -q '"best": \[' || fail "no best array: $out"
out=$("$LAPFIT" recommend --json --for expert --report "$R/pentium-m-2005.json" $T) ||
    fail "recommend --for expert"
echo "$out" | grep -q '"for": "expert"' || fail "--for expert not in the JSON"
"$LAPFIT" recommend --report "$R/pentium-m-2005.json" $T | head -1 | grep -q '^Best for this machine:' ||
    fail "recommend does not open with the best three"
"$LAPFIT" recommend --db /nonexistent --report "$R/pentium-m-2005.json" >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "recommend --db missing exit $rc, want 1"

# Ended editions only with --all.
"$LAPFIT" recommend --json --report "$R/pentium-m-2005.json" $T | grep -q '"id": "lubuntu-18.04-i386"' &&
    fail "end-of-life edition listed without --all"
"$LAPFIT" recommend --json --all --report "$R/pentium-m-2005.json" $T |
    grep -q '"id": "lubuntu-18.04-i386"' || fail "--all does not list lubuntu-18.04-i386"

# db list/show, JSON in C locale whatever LC_NUMERIC says.
"$LAPFIT" db list | grep -q '^lubuntu-18.04-i386 ' || fail "db list"
# A header, a legend for the codes, and columns aligned by terminal width: the
# architecture starts in the same column on every row, "Emmabuntüs" included.
"$LAPFIT" db list >"$TMPDIR/list.txt" || fail "db list exit"
head -1 "$TMPDIR/list.txt" | grep -q '^ID  *EDITION  *DESKTOP  *FOR  *ARCH' || fail "db list header"
grep -q 'N newcomer, E experienced, X expert' "$TMPDIR/list.txt" || fail "db list legend"
python3 - "$TMPDIR/list.txt" <<'PY' || fail "db list columns not aligned"
import re, sys, unicodedata
cols = set()
for line in open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]:
    m = re.search(r"  (x86_64|i686)  ", line)
    if m:
        cols.add(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:m.start()]))
sys.exit(0 if len(cols) == 1 else 1)
PY
# The same in every language: the legend names the codes by the column's own header (never
# cut: "PARA", "POUR"), columns stay aligned by display width, and a cell cut to fit ends in
# "…". Languages whose locale is not generated are skipped.
grep -q '…  ' "$TMPDIR/list.txt" || fail "db list: no cut cell ends in …"
for loc in C de_DE es_ES pt_BR fr_FR it_IT ru_RU; do
    [ $loc = C ] || locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' | \
        grep -qx "$(echo $loc | tr 'A-Z' 'a-z').utf8" || continue
    [ $loc = C ] && l=C.UTF-8 || l=$loc.UTF-8
    env -u LANGUAGE LANG=$l LC_ALL=$l "$LAPFIT" db list >"$TMPDIR/list-$loc.txt" || fail "db list $loc"
    python3 - "$TMPDIR/list-$loc.txt" <<'PY' || fail "db list in $loc: $(head -1 "$TMPDIR/list-$loc.txt")"
import re, sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
head = re.split(r"  +", lines[0].strip())
assert len(head) == 7 and not any("…" in h for h in head), head
legend = [l for l in lines if re.match(r"^\S+ ?:", l) and not l.startswith(head[0] + " ")]
assert len(legend) == 2, legend
for l in legend:   # FOR and CONF: the legend's label is a whole header cell
    assert l.split(":")[0].strip() in head, (l, head)
rows = [l for l in lines[1:] if re.search(r"  (x86_64|i686)  ", l)]
arch = {width(l[:re.search(r"  (x86_64|i686)  ", l).start()]) for l in rows}
assert len(arch) == 1, arch
assert width(lines[0][:lines[0].index(head[4])]) == arch.pop() + 2, "ARCH header not over its column"
PY
done
json=$(LC_ALL=de_DE.UTF-8 "$LAPFIT" db show xubuntu-24.04 --json) || fail "db show --json"
echo "$json" | grep -q '"disk_min_gb": 8.6' || fail "db show: C-locale number: $json"
# db show: who the edition is for, and each fact's confidence (and source when its own).
show=$("$LAPFIT" db show popos-22.04) || fail "db show popos-22.04"
echo "$show" | grep -Eq '^  For: +(people new to Linux|experienced users|experts) \(' || fail "db show: no audience: $show"
echo "$show" | grep -Eq '^  Desktop: +.*\((light|medium weight|heavy)\)' || fail "db show: no desktop weight: $show"
echo "$show" | grep -Eq '^    boot +[OSI?]' || fail "db show: no boot confidence: $show"
"$LAPFIT" db show popos-22.04 --json | grep -q '"value_source"' || fail "db show --json: no value_source"
"$LAPFIT" db show no-such-edition >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "db show unknown exit $rc, want 1"
"$LAPFIT" db frobnicate >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "db bad subcommand exit $rc, want 2"
# --db FILE reads a database built by dbgen.
db="$LF_BUILD_DB"
if [ -n "$db" ] && [ -f "$db" ]; then
    "$LAPFIT" db list --db "$db" | grep -q '^lubuntu-18.04-i386 ' || fail "db list --db"
fi
# End to end, as on a live USB: probe a fixture machine, then judge.
live() {
    m="$LF_SOURCE_DIR/tests/fixtures/machines/$1"; shift
    [ -d "$m/sysroot" ] || return 77
    "$LAPFIT" check "$@" --root "$m/sysroot" --cpuid-dump "$m/cpuid.raw" \
        --dmidecode "$m/dmidecode.txt" --no-upower $T >/dev/null 2>&1
}
live baytrail-tablet ubuntu-24.04; rc=$?
[ $rc -eq 2 ] || [ $rc -eq 77 ] || fail "live baytrail ubuntu-24.04 exit $rc, want 2 (32-bit UEFI)"
live pentium-m-2005 lubuntu-26.04; rc=$?
[ $rc -eq 2 ] || [ $rc -eq 77 ] || fail "live pentium-m lubuntu-26.04 exit $rc, want 2 (64-bit only)"
live pentium-m-2005 antix-23-i386; rc=$?
[ $rc -eq 0 ] || [ $rc -eq 77 ] || fail "live pentium-m antix-23-i386 exit $rc, want 0"
echo "recommend cli ok"
