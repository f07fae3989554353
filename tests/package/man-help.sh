#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# doc/lapfit.1 against the program: every command of `lapfit --help` and every
# long option of each command's --help is in the man page, and the man page
# names no option the program lacks. Also renders it with man(1) when present.
set -u
man_page="$LF_SOURCE_DIR/doc/lapfit.1"
w=$(mktemp -d) || exit 99
trap 'rm -rf "$w"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

LC_ALL=C "$LAPFIT" --help >"$w/help" || fail "lapfit --help"
commands=$(sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' "$w/help")
[ -n "$commands" ] || fail "no commands in --help"
: >"$w/opts"
for c in $commands; do
    sed -n '/^\.SH COMMANDS/,/^\.SH OPTIONS/p' "$man_page" | grep -Eq "^\.B[IR]? \"?$c( |\"|\$)" ||
        fail "command '$c' is not in lapfit.1"
    LC_ALL=C "$LAPFIT" "$c" --help >"$w/c" 2>&1
    case $c in fleet) for s in import list report diff export; do
        LC_ALL=C "$LAPFIT" fleet "$s" --help >>"$w/c" 2>&1; done ;; esac
    grep -o '^  \(-[a-zA-Z], \)\?--[a-z][a-z-]*' "$w/c" | sed 's/.*--//' >>"$w/opts"
done
sort -u "$w/opts" | grep -vx help >"$w/want"
[ -s "$w/want" ] || fail "no options found in the commands' --help"
missing=0
while read -r o; do
    esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
    grep -q -- "\\\\-\\\\-$esc\\b" "$man_page" || { echo "option --$o is not in lapfit.1"; missing=1; }
done <"$w/want"
# The other way: options the man page documents must exist.
grep -o '\\-\\-[a-z][a-z\\-]*' "$man_page" | sed 's/\\-/-/g; s/^--//; s/-$//' | sort -u >"$w/documented"
printf 'help\nversion\n' >>"$w/want"
for o in $(cat "$w/documented"); do
    grep -qx -- "$o" "$w/want" || { echo "lapfit.1 documents --$o, which no --help lists"; missing=1; }
done
[ $missing -eq 0 ] || fail "lapfit.1 and --help disagree"
if command -v man >/dev/null 2>&1; then
    warn=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$man_page" 2>&1 >/dev/null)
    [ -z "$warn" ] || fail "man warns: $warn"
fi
echo "lapfit.1 covers $(wc -l <"$w/want") options of $(echo $commands | wc -w) commands"
