#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds a portable artifact with the documented command (scripts/portable.sh)
# into OUT/dist, for the portable-run tests (a CTest fixture), and reports its
# size and the build time.
# Usage: portable-build.sh ARCH OUT      (label package; LF_PACKAGE_TESTS=1 runs it)
set -u
arch=$1 out=$2
skip() { echo "SKIP: $*"; exit 77; }
[ "${LF_PACKAGE_TESTS:-0}" = 1 ] ||
    skip "building the portable artifacts takes minutes: LF_PACKAGE_TESTS=1 runs it (test.sh sets it)"
command -v dpkg >/dev/null 2>&1 || skip "not a Debian system (dpkg names the bundled licences)"
if [ "$arch" = i686 ]; then
    [ "$(id -u)" -eq 0 ] || skip "the i686 build runs in a chroot: needs root"
    command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is not installed"
fi
start=$(date +%s)
LF_DIST=$out/dist LF_PORTABLE_BUILD=$out/build "$LF_SOURCE_DIR/scripts/portable.sh" "$arch" ||
    { echo "FAIL: scripts/portable.sh $arch"; exit 1; }
echo "built in $(($(date +%s) - start)) s"
