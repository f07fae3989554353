#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Probe errors: the report keeps them in English (machine output, the same in
# every locale), people read them in their language. Every error the probe
# wrote into the fixtures' reports is recognised and translated, a reason
# inside a sentence too; an unknown sentence (another version's) stays as it is.
set -u
: "${LAPFIT:?}" "${LF_SOURCE_DIR:?}"
fail() { echo "FAIL: $*"; exit 1; }
have_locale() {
    locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' | grep -qx "$1"
}
have_locale de_de.utf8 || { echo "locale de_DE.UTF-8 not installed, skipping"; exit 77; }
w=$(mktemp -d) || exit 99
trap 'rm -rf "$w"' EXIT
# The error lines of `probe`: the indented lines of its last section.
errors() {   # errors LOCALE REPORT
    env -u LANGUAGE LANG="$1" LC_ALL="$1" "$LAPFIT" probe --report "$2" \
        | awk '/^[^ ]/ { last = ""; next } { last = last $0 "\n" } END { printf "%s", last }'
}
n=0
for f in "$LF_SOURCE_DIR"/tests/fixtures/machines/*/expected*.json; do
    grep -q '"message"' "$f" || continue
    errors C.UTF-8 "$f" >"$w/c"
    errors de_DE.UTF-8 "$f" >"$w/de"
    [ -s "$w/c" ] || fail "$f: no error lines in C"
    [ "$(wc -l <"$w/c")" = "$(wc -l <"$w/de")" ] || fail "$f: C and German list different errors"
    # Each German line differs from its English one: recognised and translated.
    paste -d '\n' "$w/c" "$w/de" | while read -r en && read -r de; do
        [ "$en" != "$de" ] || { echo "FAIL: $f: untranslated: $en"; exit 1; }
    done || exit 1
    # The JSON is machine output: the same bytes in German.
    env LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$LAPFIT" probe --report "$f" --json >"$w/de.json"
    env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$LAPFIT" probe --report "$f" --json >"$w/c.json"
    cmp -s "$w/c.json" "$w/de.json" || fail "$f: the JSON changes with the locale"
    n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no fixture report with errors"

# Values go back in, a nested reason is translated too.
cat >"$w/r.json" <<'JSON'
{ "schema": "lapfit-report/1",
  "errors": [
    { "probe": "memory", "message": "installed RAM is an estimate: /sys/class/dmi/id has no memory device records (SMBIOS tables need root, or pass --dmidecode); 978 MiB usable rounded up to a likely module total of 1024 MiB; slots and maximum unknown" },
    { "probe": "storage", "message": "sdb: cannot tell the kind of disk" },
    { "probe": "cpu", "message": "no CPU table row for GenuineIntel family 6 model 28 stepping 2" },
    { "probe": "smbios", "message": "a sentence of another lapfit version" } ] }
JSON
errors de_DE.UTF-8 "$w/r.json" >"$w/de"
cat "$w/de"
grep -qx '  Arbeitsspeicher: eingebauter Arbeitsspeicher geschätzt: /sys/class/dmi/id enthält keine Speichermodul-Einträge (SMBIOS-Tabellen brauchen root, oder --dmidecode angeben); 978 MiB nutzbar, aufgerundet auf eine wahrscheinliche Modulsumme von 1024 MiB; Steckplätze und Höchstausbau unbekannt' "$w/de" \
    || fail "nested reason and values"
grep -qx '  Datenträger: sdb: Art des Datenträgers nicht erkennbar' "$w/de" || fail "a leading value"
grep -qx '  CPU: keine Zeile der CPU-Tabelle für GenuineIntel Familie 6 Modell 28 Stepping 2' "$w/de" || fail "numbers"
grep -qx '  Firmware-Tabellen (SMBIOS): a sentence of another lapfit version' "$w/de" || fail "an unknown sentence"
if have_locale fr_fr.utf8; then
    errors fr_FR.UTF-8 "$w/r.json" | grep -qx '  Stockage : sdb : impossible de dire de quel type de disque il s.agit' \
        || fail "French: $(errors fr_FR.UTF-8 "$w/r.json")"
fi
echo "probe errors ok ($n fixture reports)"
