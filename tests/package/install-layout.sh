#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `cmake --install` of this build into a DESTDIR: man page, completions, the
# systemd unit, udev rule and sysvinit script are there, with paths from the
# configured prefix and none from the build tree, and the installed binary runs.
# Usage: install-layout.sh BUILD_DIR PREFIX
set -u
build=$1 prefix=$2
w=$(mktemp -d) || exit 99
trap 'rm -rf "$w"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DESTDIR="$w/root" cmake --install "$build" >"$w/log" 2>&1 || { cat "$w/log"; fail "cmake --install"; }
r="$w/root"
case $prefix in /usr) etc=/etc ;; *) etc=$prefix/etc ;; esac
for f in "$prefix/bin/lapfit" "$prefix/share/man/man1/lapfit.1" \
         "$prefix/share/bash-completion/completions/lapfit" "$prefix/share/zsh/site-functions/_lapfit" \
         "$prefix/lib/systemd/system/lapfit-tune.service" "$prefix/lib/udev/rules.d/90-lapfit-tune.rules" \
         "$etc/init.d/lapfit-tune" "$etc/default/lapfit-tune" "$prefix/share/lapfit/profiles/balanced.conf" \
         "$prefix/share/locale/de/LC_MESSAGES/lapfit.mo"; do
    [ -e "$r$f" ] || fail "$f not installed"
done
[ -d "$r$etc/lapfit/profiles.d" ] || fail "$etc/lapfit/profiles.d not created"
grep -qx "ExecStart=$prefix/bin/lapfit tune auto balanced" "$r$prefix/lib/systemd/system/lapfit-tune.service" ||
    fail "unit ExecStart: $(grep ExecStart "$r$prefix/lib/systemd/system/lapfit-tune.service")"
grep -qx "DAEMON=$prefix/bin/lapfit" "$r$etc/init.d/lapfit-tune" || fail "init script DAEMON"
[ -x "$r$etc/init.d/lapfit-tune" ] || fail "init script not executable"
sh -n "$r$etc/init.d/lapfit-tune" || fail "init script syntax"
if grep -rlI -- "$build" "$r" | grep -v '/bin/lapfit$'; then fail "build-tree paths in installed files"; fi
if grep -rlI '@LF_' "$r"; then fail "unsubstituted @LF_...@ placeholders"; fi
"$r$prefix/bin/lapfit" --version | grep -q '^Distribution database of [0-9]\{4\}-[0-9][0-9]-[0-9][0-9]$' ||
    fail "installed lapfit --version: $("$r$prefix/bin/lapfit" --version)"
if command -v systemd-analyze >/dev/null 2>&1; then
    # verify parses the unit; the binary is below DESTDIR, so point ExecStart at /bin/true.
    sed "s#^ExecStart=.*#ExecStart=/bin/true#" "$r$prefix/lib/systemd/system/lapfit-tune.service" >"$w/lapfit-tune.service"
    out=$(systemd-analyze verify --man=no "$w/lapfit-tune.service" 2>&1 | grep -v -e 'tlp.service' -e 'power-profiles' -e 'tuned.service' -e 'auto-cpufreq' -e '^$')
    [ -z "$out" ] || fail "systemd-analyze verify: $out"
fi
echo "install layout ok under $prefix"
