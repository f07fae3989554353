#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-pot.sh SOURCE-DIR OUTPUT.pot DATA-DIR: extracts every translatable
# string of the CLI, the library, the TUI and the portable launcher
# (scripts/portable/launcher.c), and the text people read in the
# data files: DATA-DIR holds the C fragments db/dbgen --pot-out writes at build
# time (${build}/po/data: data/distros, data/cpu, profiles), one NC_() per
# value with a context per kind. The file list is a glob (POTFILES would go
# stale while several people add files); the `pot` target and the
# completeness test both call this script, so they see the same strings.
set -eu
src=$1
out=$2
data=${3:?"usage: make-pot.sh SOURCE-DIR OUTPUT.pot DATA-DIR (build/po/data: build first)"}
for f in distros.c cpu.c profiles.c; do
    [ -f "$data/$f" ] || { echo "make-pot.sh: $data/$f missing (build the data-pot target)" >&2; exit 1; }
done
cd "$src"
files="$(find src tui db -name '*.[ch]' | LC_ALL=C sort) scripts/portable/launcher.c $(find "$data" -name '*.c' | LC_ALL=C sort)"
# xgettext sees the macros, not their values: keep G_GINT64_FORMAT and friends
# out of _() strings (use PRId64 or %zu, which xgettext and msgfmt understand).
xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --keyword=Q_ \
    --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
    --flag=g_prefix_error:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=lf_report_add_error:3:c-format --flag=ngettext:1:c-format \
    --flag=ngettext:2:c-format \
    --package-name=lapfit --package-version="${LF_VERSION:-0.1.0}" \
    --msgid-bugs-address=https://github.com/lapfit/lapfit/issues \
    --sort-output --no-location --no-wrap -o "$out.tmp" $files
# Stable output: the creation date changes on every run and makes diffs noisy.
sed -e '/^"POT-Creation-Date:/d' -e 's/charset=CHARSET/charset=UTF-8/' "$out.tmp" >"$out"
rm -f "$out.tmp"
