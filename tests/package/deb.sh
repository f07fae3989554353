#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# debian/: `dpkg-buildpackage -us -uc -b` on a copy of the sources builds the
# package, lintian finds no errors, and the package installed into a clean
# Debian 12 minbase root (the cached chroot under an overlay, so it stays
# clean) runs `lapfit --version`, `man -w lapfit` and `lapfit probe`.
# Usage: deb.sh WORK_DIR      (label package; LF_PACKAGE_TESTS=1 runs it)
set -u
work=$1
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
[ "${LF_PACKAGE_TESTS:-0}" = 1 ] ||
    skip "building the .deb takes minutes: LF_PACKAGE_TESTS=1 runs it (test.sh sets it)"
[ "$(id -u)" -eq 0 ] || skip "needs root (chroot, overlay mount)"
for t in dpkg-buildpackage dh lintian debootstrap unshare git; do
    command -v $t >/dev/null 2>&1 || skip "$t is not installed"
done
src=$LF_SOURCE_DIR
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
arch=$(dpkg --print-architecture)
rm -rf "$work"
mkdir -p "$work/lapfit" || exit 99
(cd "$src" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work/lapfit" ||
    fail "cannot copy the sources"
start=$(date +%s)
(cd "$work/lapfit" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" dpkg-buildpackage -us -uc -b) \
    >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "dpkg-buildpackage failed"; }
deb=$work/lapfit_${version}_$arch.deb
[ -f "$deb" ] || fail "no $deb"
echo "dpkg-buildpackage: $(basename "$deb") in $(($(date +%s) - start)) s, $(wc -c <"$deb") bytes"
lintian --fail-on error "$work"/lapfit_"${version}"_"$arch".changes >"$work/lintian.log" 2>&1 ||
    { cat "$work/lintian.log"; fail "lintian reports errors"; }
echo "lintian: no errors ($(grep -c '^W:' "$work/lintian.log") warnings, $(grep -c '^I:' "$work/lintian.log") info)"
dpkg-deb -c "$deb" | grep ' \./etc/lapfit/profiles.d/$' >/dev/null || fail "no /etc/lapfit/profiles.d in the package"

base=$("$src/scripts/debian-chroot.sh" amd64 man-db) || fail "no clean amd64 chroot"
apt_cache=${LF_CHROOT_CACHE:-/var/cache/lapfit}/apt-amd64
mkdir -p "$work/upper" "$work/ovl" "$work/root" "$apt_cache/partial"
cp "$deb" "$work/upper/"
# The overlay and binds live in a private mount namespace: gone when it ends.
unshare -m sh -c '
    set -e
    w=$1 base=$2 cache=$3 deb=$4
    mount -t overlay overlay -o "lowerdir=$base,upperdir=$w/upper,workdir=$w/ovl" "$w/root"
    mount --bind /proc "$w/root/proc"; mount --rbind /sys "$w/root/sys"; mount --rbind /dev "$w/root/dev"
    mount --bind "$cache" "$w/root/var/cache/apt/archives"
    in_root() { timeout 600 chroot "$w/root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
                    HOME=/root LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
    in_root sh -c "apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends /$deb" \
        >"$w/install.log" 2>&1 || { tail -20 "$w/install.log"; exit 10; }
    in_root lapfit --version >"$w/version" 2>&1 || exit 11
    in_root man -w lapfit >"$w/man" 2>&1 || exit 12
    in_root lapfit probe >"$w/probe" 2>&1 || exit 13
    st=0; in_root /etc/init.d/lapfit-tune status >"$w/init" 2>&1 || st=$?; [ $st -eq 3 ] || exit 14
' sh "$work" "$base" "$apt_cache" "$(basename "$deb")"
rc=$?
case $rc in
    0) ;;
    10) fail "apt-get install of the package failed" ;;
    11) fail "lapfit --version in the chroot: $(cat "$work/version")" ;;
    12) fail "man -w lapfit: $(cat "$work/man")" ;;
    13) fail "lapfit probe in the chroot: $(cat "$work/probe")" ;;
    14) fail "/etc/init.d/lapfit-tune status (want 3, not running): $(cat "$work/init")" ;;
    *) fail "chroot setup failed ($rc)" ;;
esac
grep -q "^lapfit $(echo "$version" | cut -d- -f1)$" "$work/version" || fail "version: $(cat "$work/version")"
grep -q '^/usr/share/man/man1/lapfit.1.gz$' "$work/man" || fail "man -w: $(cat "$work/man")"
grep -q '^CPU' "$work/probe" || fail "probe: $(head -5 "$work/probe")"
echo "installed in a clean bookworm root: $(tr '\n' ' ' <"$work/version"); man page $(cat "$work/man"); probe ok"
