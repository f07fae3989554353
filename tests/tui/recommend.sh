#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Recommend: the recommender's ranked editions with verdict badges, Enter
# for the details (reasons, advice), filters by verdict (v) and use (u),
# ended editions (e), search; the Overview shows the top three.
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
"$LAPFIT" recommend --report "$REPORT" >/dev/null 2>&1 \
    || { echo "recommender not available in this build, skipping"; exit 77; }
# The first edition the CLI ranks is the first the TUI shows.
# (Literal text: edition names hold parentheses and dots.)
first=$(LC_ALL=C LANGUAGE= "$LAPFIT" recommend --report "$REPORT" | sed -n 's/^ *1\. PASS  *\(.*\)  \[.*$/\1/p' | head -n 1 | cut -c1-20)
[ -n "$first" ] || { echo "could not read the CLI's first edition"; exit 1; }
for size in "80 24" "132 43"; do
    set -- $size
    start "$1" "$2" NO_COLOR=1 -- tui --report "$REPORT"
    wait_for 'Recommended distributions'
    wait_fixed "PASS $first"
    # Enter on the second recommendation opens Recommend on that edition.
    second=$(screen | grep -A4 'Recommended distributions' | grep -E '^ [✓+!x] ' | sed -n 2p | cut -c 9-29)
    keys / ; keys -l "Recommended distributions"; keys Enter j j Enter
    wait_for 'Use: desktop'
    screen_sgr | grep -F -- "$second" | grep -q "$(printf '\033')\[[0-9;]*7m" \
        || fail "the second edition ($second) is not selected"
    changes 1                                  # away and back: the text below is the
    changes 2                                  # new Recommend frame, not the old one
    wait_for 'Use: desktop +Showing: all verdicts'
    wait_fixed "PASS $first"
    wait_for 'Reasons'                         # the details pane follows the cursor
    keys Enter
    wait_for '^ Reasons'
    wait_gone 'Showing:'                       # details over the whole area
    if [ "$2" -ge 43 ]; then                   # who it is for and the desktop's weight, with why
        wait_for '^ - For: .+ \(.+'
        wait_for '^ - Desktop weight: '
    fi
    keys Escape
    wait_for 'Showing: all verdicts'
    keys v
    wait_for 'Showing: PASS only'
    # Rows 4-8 are list rows at both sizes (the details pane is below or right).
    screen | sed -n 4,8p | grep -q '^ ! WARN' && fail "WARN rows under the PASS filter"
    keys v
    wait_for 'Showing: WARN only'
    screen | sed -n 4,8p | grep -q '^ [✓+] PASS' && fail "PASS rows under the WARN filter"
    keys v v                                   # FAIL, then all again
    wait_for 'Showing: all verdicts'
    keys u
    wait_for 'Use: server'
    wait_for 'Ranked for: server'
    keys u u
    wait_for 'Use: desktop'
    keys e
    wait_for 'Editions whose support has ended are shown'
    keys / ; keys -l "$first"; keys Enter
    wait_fixed "PASS $first"
    stop
done
# --db: the TUI judges with the database it is given; a missing one says so.
start 80 24 NO_COLOR=1 -- tui --report "$REPORT" --db "$work/no-such.db"
wait_for 'cannot open distro database'
stop
if [ -n "${LF_BUILD_DB:-}" ]; then
    start 80 24 NO_COLOR=1 -- tui --report "$REPORT" --db "$LF_BUILD_DB"
    wait_fixed "PASS $first"
    stop
fi
echo "tui recommend ok"
