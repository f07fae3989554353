#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Lays out a portable lapfit in STAGE from a finished build. Runs inside the
# build environment (the host for x86_64, the i386 chroot for i686), because
# the bundled glibc, its loader and the compiled locales must come from the
# same system, and dpkg there knows which package (and licence) each file is.
# Usage: assemble.sh SOURCE_DIR BUILD_DIR STAGE ARCH     (called by portable.sh)
set -eu
src=$1 build=$2 stage=$3 arch=$4
die() { echo "assemble.sh: $*" >&2; exit 1; }

rm -rf "$stage"
mkdir -p "$stage/lib" "$stage/locale" "$stage/share/locale" "$stage/terminfo" "$stage/licenses"

# 1. The program and every library it loads, with the loader they need.
cp "$build/src/lapfit" "$stage/lib/lapfit"
strip --strip-unneeded "$stage/lib/lapfit"
ldd "$build/src/lapfit" >"$stage/licenses/.ldd" || die "ldd failed"
loader=$(awk '$1 ~ /^\/.*ld-linux/ {print $1}' "$stage/licenses/.ldd")
[ -n "$loader" ] || die "no ELF loader in ldd output"
libs=$(awk '$2 == "=>" && $3 ~ /^\// {print $3}' "$stage/licenses/.ldd")
for lib in $libs "$loader"; do
    real=$(readlink -f "$lib")
    cp "$real" "$stage/lib/$(basename "$lib")"
    strip --strip-unneeded "$stage/lib/$(basename "$lib")" 2>/dev/null || true
    echo "$real" >>"$stage/licenses/.files"
done
rm "$stage/licenses/.ldd"

# 2. The portable launcher: freestanding, and on i686 built for the i386 ISA so
#    it runs (and says why lapfit cannot) on a CPU without CMOV.
case $arch in
    i686) lflags="-m32 -march=i386 -mno-mmx -mno-sse" ;;
    x86_64) lflags="-m64" ;;
esac
# shellcheck disable=SC2086
gcc $lflags -Os -static -nostdlib -ffreestanding -fno-pie -no-pie -fno-stack-protector -fno-builtin \
    -fno-tree-loop-distribute-patterns -fno-asynchronous-unwind-tables -Wall -Wextra -Werror \
    -Wl,--build-id=none -o "$stage/lapfit" "$src/scripts/portable/launcher.c"
strip "$stage/lapfit"
if [ "$arch" = i686 ] && objdump -d "$stage/lapfit" | grep -Eq '\s(cmov[a-z]*|[a-z]*(xmm|mm[0-7])[a-z]*)\s|%xmm|%mm[0-7]'; then
    die "the i686 launcher contains CMOV, MMX or SSE instructions"
fi

# 3. Translations, and compiled locales for their languages (LOCPATH), so human
#    output is translated on a live system that generated no locales.
for mo in "$build"/po/locale/*/LC_MESSAGES/lapfit.mo; do
    lang=$(basename "$(dirname "$(dirname "$mo")")")
    mkdir -p "$stage/share/locale/$lang/LC_MESSAGES"
    cp "$mo" "$stage/share/locale/$lang/LC_MESSAGES/"
    case $lang in
        *_*) name=$lang ;;
        *) cc=$(echo "$lang" | tr a-z A-Z)
           if grep -q "^${lang}_$cc.UTF-8 UTF-8" /usr/share/i18n/SUPPORTED; then name=${lang}_$cc
           else name=$(sed -n "s/^\(${lang}_[A-Z]*\)\.UTF-8 UTF-8.*/\1/p" /usr/share/i18n/SUPPORTED | head -1); fi
           ln -s "$name.UTF-8" "$stage/locale/$lang.UTF-8" ;;
    esac
    # Codepoint collation (C's) instead of the full Unicode table, 2.5 MB per
    # locale: lapfit sorts nothing by locale.
    awk '/^LC_COLLATE/ { print; print "copy \"C\""; skip = 1; next }
         /^END LC_COLLATE/ { skip = 0 } !skip' "/usr/share/i18n/locales/$name" >"$stage/locale/$name.src"
    localedef -i "$stage/locale/$name.src" -f UTF-8 "$stage/locale/$name.UTF-8" || die "localedef $name failed"
    rm "$stage/locale/$name.src"
done
cp -r /usr/lib/locale/C.utf8 "$stage/locale/C.UTF-8"
# Most categories are the same bytes in every locale: hard links keep one copy.
first=""
for f in "$stage"/locale/*.UTF-8/LC_*; do
    [ -f "$f" ] && [ ! -L "$(dirname "$f")" ] || continue
    for g in $first; do
        if [ "$(basename "$g")" = "$(basename "$f")" ] && cmp -s "$f" "$g"; then ln -f "$g" "$f"; break; fi
    done
    first="$first $f"
done

# 4. Terminal descriptions for the curses screen where the host has none
#    (an empty root, a minimal rescue system): all of ncurses-base.
for f in $(dpkg -L ncurses-base | grep '/terminfo/./'); do
    [ -f "$f" ] || continue
    d=$(basename "$(dirname "$f")")
    mkdir -p "$stage/terminfo/$d"
    cp "$f" "$stage/terminfo/$d/"
done

# 5. Licences: lapfit's, and the copyright file of every Debian package whose
#    files are bundled, with a list of what came from where.
cp "$src/LICENSE" "$stage/licenses/lapfit.LICENSE"
echo /usr/lib/locale/C.utf8/LC_CTYPE >>"$stage/licenses/.files"
[ -e /usr/share/i18n/SUPPORTED ] && echo /usr/share/i18n/SUPPORTED >>"$stage/licenses/.files"
dpkg -L ncurses-base | grep "/terminfo/l/linux$" >>"$stage/licenses/.files"
{
    echo "Bundled files and the Debian packages they come from; each package's"
    echo "copyright file (its licence) is PACKAGE.copyright in this directory."
    echo
    while read -r f; do
        pkg=""
        for cand in "$f" "${f#/usr}" "/usr$f"; do     # usrmerge: dpkg knows one spelling
            [ -n "$pkg" ] || pkg=$(dpkg -S "$cand" 2>/dev/null | head -1 | cut -d: -f1)
        done
        [ -n "$pkg" ] || die "no Debian package owns $f"
        ver=$(dpkg-query -W -f '${Version}' "$pkg" 2>/dev/null | head -1)
        echo "$(basename "$f")  $pkg $ver"
        cp "/usr/share/doc/$pkg/copyright" "$stage/licenses/$pkg.copyright"
    done <"$stage/licenses/.files"
} >"$stage/licenses/BUNDLED"
rm "$stage/licenses/.files"

# 6. A note for the person who unpacks it.
version=$(sed -n 's/^project(lapfit VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
cat >"$stage/README" <<NOTE
lapfit $version for $arch Linux, portable: it brings its own libraries (and C library), so it runs
on the live session of any distribution, from a USB stick, with nothing installed.

  ./lapfit                 the interactive screen (q quits)
  ./lapfit probe           what this machine is
  ./lapfit recommend       which distributions will run well on it, and why
  ./lapfit check lubuntu-24.04
  ./lapfit --help

No root is needed for these. Tuning ("sudo ./lapfit tune apply power-saver", "tune undo") needs root.
Battery figures come from UPower when it runs, otherwise from /sys. Licences: licenses/.
NOTE
