#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# LANG=de_DE.UTF-8 lapfit ... prints German (and es_ES / pt_BR their
# languages); machine output stays untranslated. Skips when a locale is not
# installed (scripts/setup-locales.sh generates them).
set -u
have_locale() {
    locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' | grep -qx "$1"
}
check() {   # check LOCALE EXPECTED-TEXT
    out=$(env -u LANGUAGE LANG="$1" LC_ALL="$1" "$LAPFIT" --help 2>&1)
    echo "$out" | grep -qF -- "$2" || { echo "FAIL: $1: want '$2' in:"; echo "$out"; exit 1; }
    echo "$1: ok ($2)"
}
have_locale de_de.utf8 || { echo "locale de_DE.UTF-8 not installed, skipping"; exit 77; }
check de_DE.UTF-8 "Befehle:"
check de_DE.UTF-8 "Verwendung: lapfit"
err=$(env LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$LAPFIT" no-such-command 2>&1)
echo "$err" | grep -q "^lapfit: unbekannter Befehl" || { echo "FAIL: German error: $err"; exit 1; }
if have_locale es_es.utf8; then check es_ES.UTF-8 "Órdenes:"; fi
if have_locale pt_br.utf8; then check pt_BR.UTF-8 "Comandos:"; fi
if have_locale fr_fr.utf8; then check fr_FR.UTF-8 "Commandes :"; fi
if have_locale it_it.utf8; then check it_IT.UTF-8 "Comandi:"; fi
if have_locale ru_ru.utf8; then check ru_RU.UTF-8 "Команды:"; fi
# The C locale is untranslated.
check C "Commands:"

# The build tree's binary finds the build tree's catalogues by itself.
out=$(env -u LAPFIT_LOCALEDIR -u LANGUAGE LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$LAPFIT" --help 2>&1)
echo "$out" | grep -q "^Befehle:" || { echo "FAIL: no catalogue without LAPFIT_LOCALEDIR:"; echo "$out"; exit 1; }

# Numbers in verdict sentences follow the locale (decimal comma), JSON never does.
report=$LF_SOURCE_DIR/tests/fixtures/reports/tui/report-t420.json
de() { env -u LANGUAGE LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$LAPFIT" "$@"; }
out=$(de check --report "$report" debian-12-xfce)
echo "$out" | grep -q "RAM (3,8 GiB nutzbar von 4 GiB eingebaut)" \
    || { echo "FAIL: no decimal comma in the German verdict:"; echo "$out"; exit 1; }
out=$(de recommend --report "$report")
echo "$out" | grep -q "3,8 GiB nutzbar" || { echo "FAIL: recommend header: $out"; exit 1; }
json=$(de check --json --report "$report" debian-12-xfce)
echo "$json" | grep -q '"message" *: *"RAM 3.8 GiB usable of 4 GiB installed' \
    || { echo "FAIL: JSON message not C-locale English:"; echo "$json" | grep RAM; exit 1; }
echo "$json" | grep -q '3,8' && { echo "FAIL: a decimal comma in JSON"; exit 1; }
echo "$json" | LC_ALL=C grep -q "$(printf '[\035\036\037]')" && { echo "FAIL: figure markers leaked into JSON"; exit 1; }
# Generation names from the CPU table read in the language too.
de probe --report "$report" | grep -q "Core der 2. Generation (Sandy Bridge)" \
    || { echo "FAIL: generation name not translated"; de probe --report "$report" | grep -i generation; exit 1; }
# Interface kinds are labels, not the report's ids.
de probe --report "$report" | grep -q "^  WLAN " \
    || { echo "FAIL: network kind not translated"; de probe --report "$report" | grep -i wifi; exit 1; }
# errors[] is report data: under German the system's own messages in it stay English.
empty=$(mktemp -d) || exit 99
json=$(env LANGUAGE=de LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$LAPFIT" probe --json --offline --root "$empty")
rmdir "$empty"
echo "$json" | grep -q "cannot read /proc/meminfo: cannot read '.*/proc/meminfo': No such file or directory" \
    || { echo "FAIL: errors[] follows the locale:"; echo "$json" | grep meminfo; exit 1; }
echo "german ok"
