#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# LANG=de_DE.UTF-8 shows the TUI in German (and es_ES, pt_BR in theirs).
. "$LF_SOURCE_DIR/tests/tui/lib.sh"
have_locale() {
    locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' | grep -qx "$1"
}
have_locale de_de.utf8 || { echo "locale de_DE.UTF-8 not installed, skipping"; exit 77; }
start 80 24 LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 -- tui --report "$REPORT"
wait_for '1 Übersicht'
wait_for '^ Rechner'
wait_for 'Steckplätze +1 von 2 belegt'
wait_for 'Nutzbar +3,8 GiB'                         # German decimal comma in human text
wait_for '^F1 Hilfe'
keys 3
wait_for 'Zyklen +412'
wait_for 'Restlaufzeit +2 h 11 min'
keys 5
wait_for '^ Tasten'
stop
if have_locale es_es.utf8; then
    start 80 24 LANG=es_ES.UTF-8 LC_ALL=es_ES.UTF-8 -- tui --report "$REPORT"
    wait_for '1 Resumen'
    wait_for '^F1 Ayuda'
    stop
fi
if have_locale pt_br.utf8; then
    start 80 24 LANG=pt_BR.UTF-8 LC_ALL=pt_BR.UTF-8 -- tui --report "$REPORT"
    wait_for '1 Visão geral'
    wait_for '^F1 Ajuda'
    stop
fi
echo "tui german ok"
