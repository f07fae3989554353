#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the portable lapfit for a live USB: dist/lapfit-VERSION-ARCH.tar.gz,
# which unpacks to lapfit-VERSION-ARCH/ whose `lapfit` is the command, and
# dist/lapfit-VERSION-ARCH.tar.gz.sha256 beside it. README.md ("Put lapfit on a
# USB stick") explains the layout: the program with every library it loads,
# glibc's own loader, locales, terminfo and licences.
#
# Usage: scripts/portable.sh x86_64|i686
#   x86_64 builds on this (Debian 12, amd64) machine.
#   i686 builds for plain i686 (no MMX/SSE/SSE2) in an i386 Debian 12 chroot,
#   created on first use with debootstrap (needs root and the network).
# Environment: LF_DIST (output, default dist/), LF_PORTABLE_BUILD (build
# directories, default build-portable/); scripts/debian-chroot.sh reads
# LF_CHROOT_CACHE (default /var/cache/lapfit) and LF_DEBIAN_MIRROR.
set -eu
arch=${1:-}
case $arch in
    x86_64 | i686) ;;
    *) echo "usage: scripts/portable.sh x86_64|i686" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
src=$PWD
die() { echo "portable.sh: $*" >&2; exit 1; }
version=$(sed -n 's/^project(lapfit VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
name=lapfit-$version-$arch
dist=${LF_DIST:-$src/dist}
work=${LF_PORTABLE_BUILD:-$src/build-portable}/$arch
mkdir -p "$dist" "$work"
jobs=$(nproc 2>/dev/null || echo 2)
# The distro database date, from git here (the chroot has no repository).
dbdate=$(git log -1 --format=%cs -- data/distros 2>/dev/null || true)
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
cmake_args="-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr -DLF_DISTRO_DB_DATE=$dbdate"

# Build packages: the "# build" block of scripts/debian-packages.txt, plus what
# assemble.sh uses (localedef's sources, binutils via build-essential).
build_packages() {
    sed -n '/^# build/,/^# /p' scripts/debian-packages.txt | grep -v '^#' | tr '\n' ' '
    echo locales
}

# in_chroot ROOT COMMAND: COMMAND under ROOT with /proc, the sources (/src) and
# the work directory (/work) bound in a private mount namespace, so nothing
# stays mounted if this is killed.
in_chroot() {
    root=$1; shift
    mkdir -p "$root/src" "$root/work"
    unshare -m sh -c '
        set -e
        mount --bind /proc "$1/proc"
        mount --bind "$2" "$1/src"
        mount --bind "$3" "$1/work"
        exec timeout 3600 chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
            LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive sh -c "$4"' sh "$root" "$src" "$work" "$*"
}

case $arch in
    x86_64)
        [ "$(uname -m)" = x86_64 ] || die "the x86_64 build runs on an x86-64 Debian 12"
        command -v dpkg >/dev/null || die "the x86_64 build needs a Debian system (dpkg names the licences)"
        # shellcheck disable=SC2086
        cmake -S "$src" -B "$work/build" $cmake_args >/dev/null
        cmake --build "$work/build" -j"$jobs" --target lapfit translations >/dev/null
        sh scripts/portable/assemble.sh "$src" "$work/build" "$work/stage/$name" x86_64
        ;;
    i686)
        [ "$(id -u)" -eq 0 ] || die "the i686 build uses a chroot: run it as root"
        # shellcheck disable=SC2046
        root=$(scripts/debian-chroot.sh i386 $(build_packages)) || die "no i386 build chroot"
        # -march=i686: CMOV is the floor; no MMX/SSE/SSE2 so Pentium II/III and Athlon XP run it.
        cflags="-march=i686 -mtune=generic -mno-mmx -mno-sse -mno-sse2 -mfpmath=387"
        in_chroot "$root" "set -e; cd /work
            CFLAGS='$cflags' cmake -S /src -B /work/build $cmake_args >/dev/null
            cmake --build /work/build -j$jobs --target lapfit translations >/dev/null
            sh /src/scripts/portable/assemble.sh /src /work/build /work/stage/$name i686"
        ;;
esac

tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
    -C "$work/stage" -cf - "$name" | gzip -9n >"$dist/$name.tar.gz.tmp"
mv "$dist/$name.tar.gz.tmp" "$dist/$name.tar.gz"
(cd "$dist" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
size=$(wc -c <"$dist/$name.tar.gz")
[ "$size" -le 12000000 ] || die "$name.tar.gz is $size bytes, over the 12 MB budget"
echo "$dist/$name.tar.gz ($size bytes)"
