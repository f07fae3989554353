#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# debian/control's Build-Depends keep up with the "# build" block of
# scripts/debian-packages.txt (what CI, the i686 chroot and a developer install):
# a library added there must be added to the package's build dependencies too.
set -u
src=$LF_SOURCE_DIR
list=$(sed -n '/^# build/,/^# /p' "$src/scripts/debian-packages.txt" | grep -v -e '^#' -e '^build-essential$' -e '^$')
[ -n "$list" ] || { echo "FAIL: no '# build' block in scripts/debian-packages.txt"; exit 1; }
deps=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' "$src/debian/control" | sed 's/^Build-Depends://; /^[A-Z]/d' |
       tr ',' '\n' | sed 's/(.*)//; s/^ *//; s/ *$//' | grep -v '^$')
missing=0
for p in $list; do
    echo "$deps" | grep -qx -- "$p" ||
        { echo "debian/control lacks Build-Depends: $p (scripts/debian-packages.txt builds with it)"; missing=1; }
done
[ $missing -eq 0 ] || { echo "FAIL: add them to debian/control"; exit 1; }
echo "debian/control builds with all $(echo "$list" | wc -w) build packages"
