#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every message of a freshly generated template (the sources and the data
# files' text) is translated, and not fuzzy, in every language of po/LINGUAS;
# the catalogues pass msgfmt --check.
#
# Messages that are new since the committed po/lapfit.pot (someone added a
# string after the last translation pass) are listed and make the test skip
# (77) rather than fail, so adding a string does not block other work; with
# LF_I18N_STRICT=1 (release, the translator's landing) they fail it. A
# message of the committed template without a translation always fails.
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

# The data files' text comes from the fragments db/dbgen wrote in this build.
"$src/po/make-pot.sh" "$src" "$work/lapfit.pot" "${LF_DATA_POT_DIR:?}" 2>"$work/xgettext.log" \
    || { cat "$work/xgettext.log"; echo "xgettext failed"; exit 1; }
# The same mistake across lines: xgettext sees "%" and stops at the macro.
if grep -q 'ends in the middle of a directive' "$work/xgettext.log"; then
    grep -B1 'ends in the middle of a directive' "$work/xgettext.log"
    echo "FAIL: a format macro (G_GINT64_FORMAT?) inside a translatable string"
    fail=1
fi
total=$(msgattrib --no-obsolete "$work/lapfit.pot" | grep -c '^msgid ')
echo "template: $((total - 1)) messages"

pending=0
# The msgctxt and msgid lines of a catalogue, without its header.
messages() { grep -E '^(msgctxt|msgid) ' | grep -vx 'msgid ""'; }

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
        pending=1
        msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" -o "$work/$lang.new.po" ;;
    esac
    # Untranslated or fuzzy messages that were already in the committed template.
    msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" "$src/po/lapfit.pot" -o "$work/$lang.old.po"
    old=$(LC_ALL=C msgfmt --statistics -o /dev/null "$work/$lang.old.po" 2>&1)
    case $old in
    *fuzzy*|*untranslated*)
        echo "FAIL: $lang is incomplete for po/lapfit.pot: $old"
        # The catalogues have no source locations: name each message by context and id.
        msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.old.po" | messages | head -60
        msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.old.po" | messages | head -60
        fail=1 ;;
    esac
done
[ $fail -eq 0 ] || exit 1
if [ $pending = 1 ]; then
    echo "messages newer than po/lapfit.pot, not translated yet:"
    cat "$work"/*.new.po 2>/dev/null | messages | sort -u | head -60
    if [ "${LF_I18N_STRICT:-0}" = 1 ]; then
        echo "FAIL: LF_I18N_STRICT=1 and untranslated messages"
        exit 1
    fi
    echo "skipping: regenerate the template (cmake --build build --target pot) and translate them"
    exit 77
fi
echo "translations complete"
exit 0
