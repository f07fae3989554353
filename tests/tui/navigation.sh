#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Navigation at 80x24 (the floor) and 40x10 (still usable): only rows with an
# action take the cursor and it stays in view, every j does something
# visible, Help only scrolls, long text wraps instead of being cut, the
# Recommend hint row cannot be selected, details start at the top for a new
# selection, and the key bars offer only what works in the mode.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
esc=$(printf '\033')
rev="${esc}\[([0-9]+;)*7m"
selected_line() { content_sgr | grep -E "$rev" | sed "s/${esc}\[[0-9;]*m//g" | head -n 1; }
no_cut() {         # no line of the content area ends in a cut ("…")
    screen | sed -n "3,$((h - 2))p" | grep -q '…' && fail "text cut instead of wrapped ($1)"
    return 0
}
# Reads a whole scroll-only screen with j, one line at a time, and prints it
# joined into one line of words.
read_all() {
    all=$(screen | sed -n "3,$((h - 2))p")
    i=0
    while screen | sed -n "$((h - 2))p" | grep -q 'v$'; do
        changes j
        all="$all
$(screen | sed -n "$((h - 2))p")"
        i=$((i + 1)); [ $i -ge 200 ] && fail "j never reached the end"
    done
    echo "$all" | sed -e 's/[v^]$//' | tr -s ' \n' '  '
}

for size in "80 24" "40 10"; do
    set -- $size
    w=$1 h=$2
    start "$w" "$h" NO_COLOR=1 -- tui --report "$REPORT"
    wait_for '^ Machine'
    wait_for '^F1 Help'
    # Overview: headings and plain facts never take the cursor. Every j moves
    # the cursor or scrolls; the cursor lands on each recommendation in turn
    # and is always on screen.
    content_sgr | grep -E "$rev" | grep -Eq 'Machine|Model|CPU' && fail "a fact row took the cursor"
    seen=
    i=0
    while [ $i -lt 30 ]; do
        changes j
        sel=$(selected_line)
        case $sel in
        *PASS*|*WARN*|*FAIL*|*BAT0*) seen="$seen|$(echo "$sel" | cut -c 1-20)" ;;
        '') ;;
        *) fail "j selected a row without an action: $sel" ;;
        esac
        echo "$sel" | grep -q BAT0 && break
        i=$((i + 1))
    done
    [ "$(echo "$seen" | tr '|' '\n' | grep -c 'PASS')" -ge 2 ] \
        || fail "j did not walk the recommendations ($seen)"
    echo "$seen" | grep -q BAT0 || fail "j never reached the battery row"
    no_cut overview
    keys Enter                                     # the battery row opens Battery
    wait_for 'Cycles +412'
    # Battery and Help have no actions: they scroll, nothing is highlighted.
    content_sgr | grep -Eq "$rev" && fail "Battery shows a cursor"
    screen | tail -n 1 | grep -q 'Enter' && fail "Enter offered on Battery"
    keys 5
    wait_for '^ Keys'
    content_sgr | grep -Eq "$rev" && fail "Help shows a cursor"
    screen | tail -n 1 | grep -q 'Enter' && fail "Enter offered on Help"
    text=$(read_all)
    for want in "it runs, with limits: below the recommended RAM, a slow disk, firmware to install, support ending soon" \
                "it will not install or boot: CPU or firmware unsupported, too little memory or disk" \
                "What the probe could not read"; do
        echo "$text" | grep -qF -- "$want" || fail "Help does not show (wrapped) '$want'"
    done
    echo "$text" | grep -q '…' && fail "Help cuts text"

    # Recommend: End selects the last edition, never the hint row under it.
    keys 2
    wait_for 'Showing: all verdicts'
    changes G
    sel=$(selected_line)
    case $sel in
    *PASS*|*WARN*|*FAIL*) ;;
    *) fail "End selected '$sel', not an edition" ;;
    esac
    i=0
    until screen | grep -q 'support has ended are'; do
        changes j
        i=$((i + 1)); [ $i -ge 5 ] && fail "j does not reach the hint row"
    done
    content_sgr | grep -E "$rev" | grep -q 'support has ended' && fail "the hint row took the cursor"
    keys G
    # Details over the whole area, scrolled down; a new selection starts at
    # its top in the pane below.
    keys Enter
    wait_for '^ Reasons'
    [ "$(screen | tail -n 1 | grep -c 'Esc Back')" = 1 ] || fail "no 'Esc Back' over details"
    changes j j j j j
    keys Escape
    wait_for 'Showing:'
    changes k
    name=$(selected_line | sed -e 's/^ *[^ ]* [A-Z?]* *//' | cut -c 1-12)
    top=$(screen | grep -A1 '────' | sed -n 2p)
    echo "$top" | grep -qF -- "$name" || fail "details of '$name' do not start at the top: '$top'"
    [ "$(screen | sed -n "$((h - 1))p" | grep -c 'u Use v Verdict')" = 1 ] || fail "Recommend keys missing"
    # A saved report: Tune offers no apply, undo, profile or AC/battery keys.
    keys 4
    wait_for 'saved report has'
    screen | sed -n "$((h - 1)),${h}p" | grep -Eq 'Apply|Undo|Profile|Battery|Measure|Full charge' \
        && fail "Tune offers keys a saved report cannot use"
    stop
done

# A root to tune: a and p at first, z only after an apply.
fixture=$LF_SOURCE_DIR/tests/fixtures/tune/thinkpad-x1c11
if [ -d "$fixture" ] && "$LAPFIT" tune plan --help >/dev/null 2>&1; then
    cp -a "$fixture" "$work/root"
    mkdir "$work/state"
    w=80 h=24
    start 80 24 NO_COLOR=1 -- tui --root "$work/root" --state-dir "$work/state" --profile balanced
    wait_for '^ Machine' 100
    keys 4
    wait_for 'Profile: balanced'
    state=$(screen | sed -n 's/.*Power: on \([a-zA-Z]*\).*/\1/p' | head -n 1)
    [ "$state" = battery ] || keys b
    wait_for 'Power: on battery +[1-9][0-9]* to change'
    wait_for '^a Apply m Measure f Full charge p Profile b AC/Battery'
    screen | grep -q 'z Undo' && fail "z offered before anything was applied"
    keys a
    wait_for 'write [0-9]+ values'
    keys y
    wait_for 'z undoes them'
    keys Escape                                    # the message gives the line back
    wait_for '^z Undo m Measure f Full charge p Profile b AC/Battery'
    stop
fi
echo "tui navigation ok"
