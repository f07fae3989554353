#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs a real OCS Inventory NG server from Debian 12's packages for the
# `ocs-server` test: ocsinventory-server + Apache/mod_perl +
# MariaDB, and extracts the database schema from ocsinventory-reports without
# installing its PHP console. Idempotent; does nothing unless root on Debian.
# Measured on a 2-core Debian 12 VM: about 17 s when nothing is installed.
set -u
CACHE=/var/cache/lapfit-ocs
UA="lapfit_v0.1.0"
[ "$(id -u)" -eq 0 ] || { echo "tests/ocs/setup.sh: not root, the OCS server test will skip"; exit 0; }
[ -f /etc/debian_version ] && command -v apt-get >/dev/null || {
    echo "tests/ocs/setup.sh: not Debian, the OCS server test will skip"; exit 0; }
export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
need=
for p in ocsinventory-server libxml-parser-perl apache2 mariadb-server curl; do
    dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
    # libxml-parser-perl: the server forces XML::Parser but does not depend on it
    { apt-get update -q && apt-get install -y -q --no-install-recommends $need; } >/tmp/lapfit-ocs-apt.log 2>&1 ||
        { echo "tests/ocs/setup.sh: apt-get install failed (see /tmp/lapfit-ocs-apt.log); the OCS server test will skip"; exit 0; }
fi
if ! ls "$CACHE"/reports/usr/share/ocsinventory-reports/files/ocsbase_new.sql >/dev/null 2>&1; then
    mkdir -p "$CACHE" && rm -rf "$CACHE/reports" "$CACHE"/*.deb
    ( cd "$CACHE" && apt-get download -q ocsinventory-reports >/dev/null 2>&1 &&
      dpkg-deb -x ocsinventory-reports_*.deb reports ) ||
        { echo "tests/ocs/setup.sh: cannot fetch ocsinventory-reports; the OCS server test will skip"; exit 0; }
fi
# The server accepts a PROLOG only from user agents listed here.
grep -qx "$UA" /etc/ocsinventory/extra_useragents 2>/dev/null || echo "$UA" >>/etc/ocsinventory/extra_useragents
echo "tests/ocs/setup.sh: OCS Inventory server ready ($(( $(date +%s) - start )) s)"
