#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs the Debian 12 packages in scripts/debian-packages.txt (and any extra
# package lists given as arguments). Skips apt entirely when all are present.
set -eu
here=$(dirname "$0")
pkgs=$(cat "$here/debian-packages.txt" "$@" | sed 's/#.*//' | tr -s ' \n' '  ')
missing=
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "installing:$missing"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
