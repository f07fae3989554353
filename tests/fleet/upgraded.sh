#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the fleet tests of both stores. An upgraded store prints exactly
# what the lapfit of its old schema printed: the outputs saved beside its dump
# in tests/fixtures/fleet (vN-report.json, vN-list.json, ...).
# Usage: same_as_before vN DB      (needs LAPFIT, T, fail)
same_as_before() {
    for c in "report --json:report.json" "list --json:list.json" "export --format csv:export.csv" \
             "diff t420-lab-03 --json:diff-t420-lab-03.json"; do
        # shellcheck disable=SC2086
        "$LAPFIT" fleet ${c%%:*} --db "$2" >"$T/o" 2>&1 || fail "${c%%:*} on $1: $(cat "$T/o")"
        want="$LF_SOURCE_DIR/tests/fixtures/fleet/$1-${c#*:}"
        cmp -s "$T/o" "$want" || { diff "$want" "$T/o" | head; fail "upgraded $1: '${c%%:*}' differs"; }
    done
}
