#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The data files' text goes through gettext (issue #15):
#  1. db/dbgen --pot-out extracts the values with words, one context per kind,
#     quoted so xgettext reads back the same bytes; brand names stay out;
#  2. the strict completeness test fails when one data string is untranslated;
#  3. LANGUAGE=de prints the edition's note, name and reasons in German and a
#     CPU generation in Spanish, while --json keeps the data's English.
# Needs: LAPFIT, LF_SOURCE_DIR, LF_DBGEN, LF_DATA_POT_DIR.
set -u
src=${LF_SOURCE_DIR:?}
for tool in xgettext msgmerge msgattrib msgfmt; do
    command -v $tool >/dev/null 2>&1 || { echo "$tool missing, skipping"; exit 77; }
done
work=$(mktemp -d -t lapfit-data-i18n.XXXXXX) || exit 99
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. The fragment, read back by xgettext.
"$LF_DBGEN" --check --pot-out "$work/frag.c" "$src/tests/fixtures/i18n/data-text.conf" >/dev/null \
    || fail "dbgen --pot-out failed"
xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: --keyword=NC_:1c,2 \
    --no-location --no-wrap -o "$work/frag.pot" "$work/frag.c" || fail "xgettext cannot read the fragment"
pot=$work/frag.pot
grep -qx 'msgctxt "distro name"' "$pot" && grep -qx 'msgid "Example Linux (32-bit PC)"' "$pot" \
    || fail "name with words not extracted: $(cat "$pot")"
grep -qx 'msgid "LXQt stays \\"light\\" at 100% \\\\ under 400 MB idle"' "$pot" \
    || fail "quotes, % or backslash changed on the way: $(grep -A1 'weight reason' "$pot")"
grep -B3 'LXQt stays' "$pot" | grep -q 'no-c-format' || fail "'100% \\' taken for a printf format"
grep -q 'TRANSLATORS:.*data-text.conf \[words-1\] notes' "$pot" || fail "no comment naming file, group and key"
# One entry per context and value: notes and audience_why share the text, not the entry.
[ "$(grep -c '^msgid "made for people new to Linux"' "$pot")" = 2 ] \
    || fail "want the shared text once per context: $(grep -B2 'made for people' "$pot")"
grep -q 'and elsewhere' "$pot" || fail "a value used twice does not say so"
grep -qxF 'msgid "12 \"bookworm\" (Debian 12 base)"' "$pot" || fail "version with words missing"
for brand in 'Xfce 4.20' 'LXQt 2.1' 'Pentium 4' '13 \"trixie\"' 'Example Linux'; do
    grep -qxF "msgid \"$brand\"" "$pot" && fail "brand name '$brand' extracted"
done

# 2. Strict completeness fails on one untranslated data string: a copy of the
#    tree whose German catalogue lost one note's translation.
mkdir -p "$work/tree/po" "$work/tree/tests" "$work/tree/scripts/portable"
cp -R "$src/src" "$src/tui" "$src/db" "$work/tree/"
cp "$src/scripts/portable/launcher.c" "$work/tree/scripts/portable/"
cp "$src/po/"*.po "$src/po/lapfit.pot" "$src/po/LINGUAS" "$src/po/make-pot.sh" "$work/tree/po/"
note='last Debian with 32-bit install media'
/usr/bin/python3 - "$work/tree/po/de.po" "$note" <<'PY' || fail "cannot edit the copy of de.po"
import sys
path, start = sys.argv[1], sys.argv[2]
text = open(path, encoding='utf-8').read().split('\n\n')
hit = 0
for i, block in enumerate(text):
    if 'msgctxt "distro note"' in block and ('msgid "' + start) in block:
        head = block[:block.index('msgstr')]
        text[i] = head + 'msgstr ""'
        hit += 1
assert hit == 1, hit
open(path, 'w', encoding='utf-8').write('\n\n'.join(text))
PY
out=$(LF_SOURCE_DIR=$work/tree LF_I18N_STRICT=1 sh "$src/tests/i18n/completeness.sh" 2>&1); rc=$?
[ $rc = 1 ] || fail "completeness passed (exit $rc) with an untranslated data string: $out"
echo "$out" | grep -q "FAIL: de is incomplete" || fail "no German failure in: $out"
echo "$out" | grep -qF "$note" || fail "the untranslated note is not named: $out"

# 3. The CLI in German, JSON in English.
report=$src/tests/fixtures/reports/pentium-m-2005.json
de() { env LANG=C.UTF-8 LC_ALL= LANGUAGE=de "$LAPFIT" "$@"; }
out=$(de check --report "$report" debian-12-lxde-i386)
echo "$out" | grep -q "Hinweis: letztes Debian mit 32-Bit-Installationsmedien" \
    || fail "no German note under the verdict: $out"
echo "$out" | grep -q "^WARN  Debian (32-Bit-PC) 12" || fail "edition name not German: $out"
json=$(de check --json --report "$report" debian-12-lxde-i386)
shown=$(de db show --json debian-12-lxde-i386)
echo "$shown" | grep -q '"notes" *: *"last Debian with 32-bit install media' \
    || fail "db show --json: notes not English: $(echo "$shown" | grep notes)"
echo "$shown" | grep -q '"audience_why" *: *"stable release with years' \
    || fail "db show --json: audience_why not English"
echo "$json" | grep -q '"name" *: *"Debian (32-bit PC)"' || fail "JSON name not English"
echo "$json" | grep -q 'Debian (32-bit PC) 12 \\"bookworm\\" i386' \
    || fail "JSON verdict message lost the English name"
echo "$json" | grep -q '32-Bit' && fail "German in JSON: $(echo "$json" | grep 32-Bit)"
echo "$json" | LC_ALL=C grep -q "$(printf '[\034\004]')" && fail "phrase markers leaked into JSON"
out=$(de db show lubuntu-18.04-i386)
echo "$out" | grep -q "offizielle Ubuntu-Variante" || fail "db show: audience reason not German: $out"
echo "$out" | grep -q "intensives Surfen" || fail "db show: RAM use not German: $out"
gen=$(env LANG=C.UTF-8 LC_ALL= LANGUAGE=es "$LAPFIT" probe \
          --report "$src/tests/fixtures/machines/ryzen-4000-2020/expected.json" 2>&1)
echo "$gen" | grep -q "Ryzen 4000 para portátiles" || fail "generation not Spanish: $gen"
echo "data strings: extracted, required by the strict test, translated on screen, English in JSON"
