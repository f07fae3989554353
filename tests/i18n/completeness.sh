#!/bin/sh
# Every message of a freshly generated template is translated, and not fuzzy,
# in every language of po/LINGUAS; the catalogues pass msgfmt --check.
set -u
src=${LF_SOURCE_DIR:?}
for tool in xgettext msgmerge msgattrib msgfmt; do
    command -v $tool >/dev/null 2>&1 || { echo "$tool missing, skipping"; exit 77; }
done
work=$(mktemp -d -t lapfit-i18n.XXXXXX) || exit 99
trap 'rm -rf "$work"' EXIT
fail=0

# A GLib format macro inside _() is invisible to xgettext: the catalogue would
# hold "%" and the lookup would never match.
if grep -rnE '(_|N_|ngettext)\("[^"]*" *G_G[A-Z0-9]*_FORMAT' "$src/src" "$src/tui"; then
    echo "FAIL: G_*_FORMAT inside a translatable string (use PRId64 or %zu)"
    fail=1
fi

"$src/po/make-pot.sh" "$src" "$work/lapfit.pot" 2>"$work/xgettext.log" \
    || { cat "$work/xgettext.log"; echo "xgettext failed"; exit 1; }
# The same mistake across lines: xgettext sees "%" and stops at the macro.
if grep -q 'ends in the middle of a directive' "$work/xgettext.log"; then
    grep -B1 'ends in the middle of a directive' "$work/xgettext.log"
    echo "FAIL: a format macro (G_GINT64_FORMAT?) inside a translatable string"
    fail=1
fi
total=$(msgattrib --no-obsolete "$work/lapfit.pot" | grep -c '^msgid ')
echo "template: $((total - 1)) messages"

for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
    po="$src/po/$lang.po"
    if [ ! -f "$po" ]; then
        echo "FAIL: $lang: $po missing"; fail=1; continue
    fi
    msgfmt --check -o /dev/null "$po" || { echo "FAIL: $lang: msgfmt --check"; fail=1; }
    # No fuzzy matching: a new string must show up as untranslated, not guessed.
    msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" "$work/lapfit.pot" -o "$work/$lang.po" \
        || { echo "FAIL: $lang: msgmerge"; fail=1; continue; }
    stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$work/$lang.po" 2>&1)
    echo "$lang: $stats"
    case $stats in
    *fuzzy*|*untranslated*)
        echo "FAIL: $lang is incomplete; these need a translation:"
        msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -A3 '^#:' | head -60
        msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -A3 '^#,' | head -60
        fail=1 ;;
    esac
done
[ $fail -eq 0 ] && echo "translations complete"
exit $fail
