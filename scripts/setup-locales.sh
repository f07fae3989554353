#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Generates the locales the translation and locale tests use (root only; the
# tests skip with exit 77 where a locale is missing).
set -eu
want="de_DE.UTF-8 es_ES.UTF-8 pt_BR.UTF-8 fr_FR.UTF-8 it_IT.UTF-8 ru_RU.UTF-8"
have=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
todo=
for l in $want; do
    n=$(echo "$l" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
    echo "$have" | grep -qx "$n" || todo="$todo $l"
done
[ -z "$todo" ] && exit 0
[ "$(id -u)" -eq 0 ] || { echo "not root: cannot generate$todo (tests will skip)"; exit 0; }
for l in $todo; do
    grep -q "^$l UTF-8" /etc/locale.gen 2>/dev/null || echo "$l UTF-8" >>/etc/locale.gen
done
locale-gen >/dev/null
