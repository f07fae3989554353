#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A Debian 12 (bookworm) minbase root for ARCH, made once with debootstrap and
# kept in $LF_CHROOT_CACHE (default /var/cache/lapfit)/chroot-ARCH, outside the
# repository, so every later build and test (and CI, once per fresh machine)
# shares it. PACKAGES are included when it is made and installed when missing
# later. Prints the root's path. Needs root and the network the first time.
# Usage: scripts/debian-chroot.sh i386|amd64 [PACKAGE...]
set -eu
arch=${1:?usage: debian-chroot.sh i386|amd64 [PACKAGE...]}
shift
die() { echo "debian-chroot.sh: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "making a chroot needs root"
cache=${LF_CHROOT_CACHE:-/var/cache/lapfit}
root=$cache/chroot-$arch
mkdir -p "$cache"

mirror() {
    [ -n "${LF_DEBIAN_MIRROR:-}" ] && { echo "$LF_DEBIAN_MIRROR"; return; }
    m=$(sed -n 's/^URIs: *\([^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
    [ -n "$m" ] || m=$(sed -n 's/^deb \(http[^ ]*debian\) bookworm.*/\1/p' /etc/apt/sources.list 2>/dev/null | head -1)
    echo "${m:-http://deb.debian.org/debian}"
}

exec 8>"$cache/chroot-$arch.lock"     # one creator at a time; others wait and share
flock 8
if [ ! -e "$root/.lapfit-ready" ]; then
    command -v debootstrap >/dev/null || die "debootstrap is not installed"
    echo "debian-chroot.sh: creating $root (once)" >&2
    rm -rf "$root.tmp"
    include=$(echo "$@" | tr -s ' ' ',')
    debootstrap --arch="$arch" --variant=minbase ${include:+--include="$include"} \
        bookworm "$root.tmp" "$(mirror)" >"$cache/debootstrap-$arch.log" 2>&1 ||
        { tail -20 "$cache/debootstrap-$arch.log" >&2; die "debootstrap failed (log: $cache/debootstrap-$arch.log)"; }
    rm -rf "$root"
    mv "$root.tmp" "$root"
    touch "$root/.lapfit-ready"
fi
missing=""
for p in "$@"; do
    chroot "$root" dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "debian-chroot.sh: installing$missing into $root" >&2
    unshare -m sh -c 'mount --bind /proc "$1/proc" &&
        exec timeout 1800 chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
            sh -c "apt-get update -q && apt-get install -y -q --no-install-recommends $2"' sh "$root" "$missing" >&2 ||
        die "cannot install$missing into $root"
fi
echo "$root"
