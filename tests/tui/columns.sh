#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Aligned columns in every language: the CLI's probe labels and recommend
# verdict words, and on the Overview and the Recommend screens (80x24) the
# value column of labelled rows and the text after the
# verdict badges start at one display column (measured in terminal cells:
# wide characters count two, combining marks none), in C, de, es, pt_BR, fr, it
# and ru; and the columns of `db list`.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "python3 missing, skipping"; exit 77; }
have_locale() {
    locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' | grep -qx "$1"
}
# measure NAME: reads a screen on stdin; fails unless each kind of row lines up.
measure() {
    "$PY" -c '
import sys, re, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = {"label": set(), "badge": set()}
for line in sys.stdin.read().split("\n")[2:-2]:
    b = re.match(r"^ [\u2713!\u2717?] (\S+) +(\S)", line)
    if b:
        cols["badge"].add(width(line[:b.start(2)]))
        continue
    m = re.match(r"^ (\S(?:.*?\S)?)  +(\S)", line)
    if m and line[m.start(2):].strip() not in ("v", "^"):
        cols["label"].add(width(line[:m.start(2)]))
bad = {k: sorted(v) for k, v in cols.items() if len(v) > 1}
if bad:
    print("misaligned columns on %s: %s" % (sys.argv[1], bad)); sys.exit(1)
if not cols["badge"]:
    print("no verdict rows on %s" % sys.argv[1]); sys.exit(1)
print("%s: label column %s, text after badges at %s" % (sys.argv[1], sorted(cols["label"]), sorted(cols["badge"])))
' "$1"
}
# The CLI's tables: `probe` labels and `recommend` verdict words.
cli_measure() {
    "$PY" -c '
import sys, re, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = set()
for line in sys.stdin.read().split("\n"):
    m = re.match(r"^ *\d+\. (\S+)  +(\S)", line) if sys.argv[2] == "rank" else re.match(r"^  (\S(?:.*?\S)?)  +(\S)", line)
    if m:
        cols.add(width(line[:m.start(2)]))
if len(cols) != 1:
    print("%s: columns at %s" % (sys.argv[1], sorted(cols))); sys.exit(1)
' "$1" "$2"
}
# `db list`: every row starts each column where the header does.
table_measure() {
    "$PY" -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
def cells(line):        # the line as display cells, one entry per column
    out = []
    for c in line:
        w = width(c)
        if w:
            out += [c] + [""] * (w - 1)
        elif out:
            out[-1] += c
    return out
lines = sys.stdin.read().split("\n\n")[0].split("\n")     # the table, not the key under it
head = cells(lines[0])
starts = [i for i in range(len(head)) if head[i] != " " and (i == 0 or head[i - 1:i] == [" "] and (i < 2 or head[i - 2] == " "))]
if len(starts) < 5:
    print("%s: header %r has %d columns" % (sys.argv[1], lines[0], len(starts))); sys.exit(1)
for l in lines[1:]:
    c = cells(l)
    for x in starts[1:]:
        if x >= len(c) or c[x] == " " or c[x - 1] != " ":
            print("%s: column at %d not aligned in %r" % (sys.argv[1], x, l)); sys.exit(1)
print("%s: %d rows, columns at %s" % (sys.argv[1], len(lines) - 1, starts))
' "$1"
}
checked=0
for loc in C.UTF-8 de_DE.UTF-8 es_ES.UTF-8 pt_BR.UTF-8 fr_FR.UTF-8 it_IT.UTF-8 ru_RU.UTF-8; do
    l=$(echo "$loc" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
    [ "$loc" = C.UTF-8 ] || have_locale "$l" || { echo "$loc not installed, not checked"; continue; }
    env -u LANGUAGE LANG=$loc LC_ALL=$loc "$LAPFIT" probe --report "$REPORT" \
        | cli_measure "$loc probe" label || exit 1
    env -u LANGUAGE LANG=$loc LC_ALL=$loc "$LAPFIT" recommend --all --report "$REPORT" \
        | cli_measure "$loc recommend" rank || exit 1
    env -u LANGUAGE LANG=$loc LC_ALL=$loc "$LAPFIT" db list | table_measure "$loc db list" || exit 1
    start 80 24 LANG=$loc LC_ALL=$loc -- tui --report "$REPORT"
    wait_for '^F1 '
    wait_for '^ [✓!✗] '
    screen | measure "$loc overview" || fail "$loc overview"
    changes 2                              # the Recommend frame, not the Overview's badges
    wait_for '^ [✓!✗] .*'
    screen | measure "$loc recommend" || fail "$loc recommend"
    stop
    checked=$((checked + 1))
done
[ "$checked" -ge 2 ] || { echo "fewer than two languages available, skipping"; exit 77; }
echo "tui columns ok"
