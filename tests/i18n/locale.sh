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
# The C locale is untranslated.
check C "Commands:"
echo "german ok"
