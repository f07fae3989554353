#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The bash completion offers every command and, for each command, every long
# option its --help lists, plus edition ids and profile names; the zsh one parses.
set -u
src="$LF_SOURCE_DIR/system/completion"
bc=/usr/share/bash-completion/bash_completion
[ -r "$bc" ] || { echo "bash-completion not installed, skipping"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
bindir=$(mktemp -d) || exit 99
trap 'rm -rf "$bindir"' EXIT
ln -s "$LAPFIT" "$bindir/lapfit"
export PATH="$bindir:$PATH" LC_ALL=C

# Queries "LINE|WANT", answered in one bash that loads bash-completion once.
: >"$bindir/queries"
has() { printf '%s|%s\n' "$1" "$2" >>"$bindir/queries"; }
for c in $(lapfit --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p'); do
    has "lapfit " "$c"
    [ "$c" = fleet ] && continue
    for o in $(lapfit "$c" --help | grep -o '^  \(-[a-zA-Z], \)\?--[a-z][a-z-]*' | sed 's/.* //'); do
        case $c in db|tune) arg=" list" ;; *) arg="" ;; esac
        [ "$c" = tune ] && arg=" plan"
        has "lapfit $c$arg -" "$o"
    done
done
has "lapfit tune " apply
has "lapfit tune apply " power-saver
has "lapfit check lubuntu-24" lubuntu-24.04
has "lapfit db show lubuntu-24" lubuntu-24.04
has "lapfit check " '!ID'                # only edition ids, not db list's header or legend
has "lapfit check " '!FOR:'
has "lapfit export --format " glpi
has "lapfit fleet " diff
has "lapfit fleet report -" --db
has "lapfit recommend --use " kiosk
has "lapfit check --for " expert

bash --norc --noprofile -c '
    . "$1"; . "$2"
    while IFS="|" read -r line want; do
        read -ra COMP_WORDS <<<"$line"
        case $line in *" ") COMP_WORDS+=("") ;; esac
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=$line; COMP_POINT=${#line}; COMPREPLY=()
        _lapfit lapfit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        got=" ${COMPREPLY[*]} "
        case $want in
            !*) case $got in *" ${want#!} "*) echo "\"$line<TAB>\" offers \"${want#!}\""; bad=1 ;; esac ;;
            *) case $got in *" $want "*) ;; *) echo "\"$line<TAB>\" does not offer \"$want\":$got"; bad=1 ;; esac ;;
        esac
    done <"$3"
    exit ${bad:-0}' sh "$bc" "$src/lapfit.bash" "$bindir/queries" || fail "bash completion"
echo "bash completion: $(wc -l <"$bindir/queries") queries answered"

if command -v zsh >/dev/null 2>&1; then
    zsh -n "$src/_lapfit" || fail "zsh completion does not parse"
    zsh -fc "fpath=('$src' \$fpath); autoload -Uz compinit; compinit -u -d '$bindir/zcd'; (( \${+_comps[lapfit]} ))" ||
        fail "zsh does not register _lapfit for lapfit"
else
    echo "zsh missing: only the bash completion was checked"
fi
echo "completions ok"
