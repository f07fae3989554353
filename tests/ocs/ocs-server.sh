#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A real OCS Inventory NG server (Debian 12 packages, installed by
# tests/ocs/setup.sh) on 127.0.0.1: `lapfit export --format ocs --submit` is
# accepted and the server's tables hold lapfit's figures. Starts MariaDB and
# Apache only when nothing answers yet, stops only what it started.
set -u
fail() { echo "FAIL: $*"; [ -n "${W:-}" ] && tail -5 /var/log/apache2/error.log 2>/dev/null; exit 1; }
skip() { echo "$*, skipping"; exit 77; }
SQL=/var/cache/lapfit-ocs/reports/usr/share/ocsinventory-reports/files
R="$LF_SOURCE_DIR/tests/fixtures/reports"
URL=http://127.0.0.1/ocsinventory
[ "$(id -u)" -eq 0 ] || skip "needs root (MariaDB and Apache on port 80)"
for b in /usr/sbin/mariadbd /usr/sbin/apache2 mariadb mariadb-admin curl; do
    command -v "$b" >/dev/null || skip "$b not installed (tests/ocs/setup.sh installs the OCS server as root on Debian)"
done
[ -f /etc/apache2/conf-available/ocsinventory-server.conf ] || skip "ocsinventory-server not installed"
[ -f "$SQL/ocsbase_new.sql" ] || skip "OCS schema not extracted (run tests/ocs/setup.sh)"
grep -qx "lapfit_v0.1.0" /etc/ocsinventory/extra_useragents 2>/dev/null || skip "lapfit_v0.1.0 not in extra_useragents (run tests/ocs/setup.sh)"

# One run at a time on this machine: runs share MariaDB, port 80 and ocsweb.
exec 9>/run/lock/lapfit-ocs-test.lock || skip "cannot create the lock file"
flock -w 280 9 || skip "another OCS server test holds the lock"
W=$(mktemp -d)
STARTED_DB=""; STARTED_WEB=""
cleanup() {
    [ -n "$STARTED_WEB" ] && kill -TERM "$STARTED_WEB" 2>/dev/null
    [ -n "$STARTED_DB" ] && kill -TERM "$STARTED_DB" 2>/dev/null
    for p in $STARTED_WEB $STARTED_DB; do
        for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    done
    rm -rf "$W"
}
trap cleanup EXIT

if ! mariadb-admin ping >/dev/null 2>&1; then
    install -d -o mysql -g mysql /run/mysqld
    # --tmpdir: the server runs as mysql and cannot write a TMPDIR the test runner made for root
    setsid /usr/sbin/mariadbd --user=mysql --tmpdir=/tmp >"$W/mariadb.log" 2>&1 &
    STARTED_DB=$!
    for _ in $(seq 150); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.2; done
fi
mariadb-admin ping >/dev/null 2>&1 || skip "MariaDB does not start ($(tail -1 "$W/mariadb.log"))"

# A fresh ocsweb per run -- but never drop one this test did not create: ours
# has the marker table, or is empty (a killed run), or holds only machines
# lapfit sent (an older version of this test).
ours() {
    mariadb -N ocsweb -e "SHOW TABLES LIKE 'lapfit_test_marker'" | grep -q marker && return 0
    [ -z "$(mariadb -N ocsweb -e 'SHOW TABLES')" ] && return 0
    [ "$(mariadb -N ocsweb -e "SELECT COUNT(*) FROM hardware WHERE IFNULL(USERAGENT, '') NOT LIKE 'lapfit%'" 2>/dev/null)" = 0 ]
}
if mariadb -N -e "SHOW DATABASES LIKE 'ocsweb'" | grep -q ocsweb && ! ours; then
    skip "an ocsweb database not made by this test exists"
fi
mariadb -e "DROP DATABASE IF EXISTS ocsweb;
  CREATE DATABASE ocsweb CHARACTER SET utf8 COLLATE utf8_bin;
  CREATE USER IF NOT EXISTS 'ocs'@'localhost' IDENTIFIED BY 'ocs';
  GRANT ALL PRIVILEGES ON ocsweb.* TO 'ocs'@'localhost'; FLUSH PRIVILEGES;
  CREATE TABLE ocsweb.lapfit_test_marker (x INT);" || fail "create ocsweb"
MY() { mariadb "--init-command=SET sql_mode='NO_ENGINE_SUBSTITUTION'" "$@" ocsweb; }
MY <"$SQL/ocsbase_new.sql" || fail "load ocsbase_new.sql"
last=$(ls "$SQL/update" | sed -n 's/^\([0-9]*\)\.sql$/\1/p' | sort -n | tail -1)
base=$(mariadb -N ocsweb -e "SELECT tvalue FROM config WHERE name='GUI_VERSION'")
for v in $(seq $((base + 1)) "$last"); do   # what the web updater does: errors of absent objects ignored
    MY --force <"$SQL/update/$v.sql" 2>>"$W/update-errors.log"
    mariadb ocsweb -e "UPDATE config SET tvalue='$v' WHERE name='GUI_VERSION'"
done
mariadb ocsweb -e "CREATE TABLE IF NOT EXISTS unixusers (ID INT NOT NULL AUTO_INCREMENT,
  HARDWARE_ID INT NOT NULL, ID_USERS VARCHAR(255), GID_USERS VARCHAR(255),
  NAME_USERS VARCHAR(255), GROUP_USERS VARCHAR(255), HOME_USERS VARCHAR(255),
  SHELL_USERS VARCHAR(255), LOGIN_USERS VARCHAR(255), ID_GROUP VARCHAR(255),
  NAME_GROUP VARCHAR(255), MEMBER_GROUP VARCHAR(255), PRIMARY KEY (ID,HARDWARE_ID),
  KEY HARDWARE_ID (HARDWARE_ID)) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_bin;
  UPDATE config SET ivalue=1 WHERE name='LOGLEVEL';" || fail "schema fix-ups"

if ! curl -s -o /dev/null http://127.0.0.1/; then
    ( set +u; . /etc/apache2/envvars
      mkdir -p "$APACHE_RUN_DIR" "$APACHE_LOCK_DIR" "$APACHE_LOG_DIR"
      exec setsid /usr/sbin/apache2 -DFOREGROUND -c "ServerName 127.0.0.1" ) >"$W/apache.log" 2>&1 &
    STARTED_WEB=$!
    for _ in $(seq 150); do curl -s -o /dev/null http://127.0.0.1/ && break; sleep 0.2; done
fi
curl -s -o /dev/null http://127.0.0.1/ || skip "Apache does not start ($(tail -1 "$W/apache.log"))"

q() { mariadb -N ocsweb -e "$1"; }
hw() { q "SELECT ID FROM hardware WHERE DEVICEID='$1'"; }

# 1. the two-battery ThinkPad: every table holds lapfit's figures
"$LAPFIT" export --format ocs --report "$R/thinkpad-two-batteries.json" --submit "$URL" || fail "submit T480"
id=$(hw "t480-lab-06-2026-01-10-09-25-00"); [ -n "$id" ] || fail "no hardware row for the T480"
got=$(q "SELECT CONCAT_WS('|', NAME, MEMORY, SWAP, PROCESSORT, PROCESSORS, OSNAME, UUID, USERAGENT) FROM hardware WHERE ID=$id")
[ "$got" = "t480-lab-06|15842|2047|Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz|3600|Debian GNU/Linux 12 (bookworm)|0b6a2f80-3f2c-11b2-a85c-20l500000006|lapfit_v0.1.0" ] || fail "hardware: $got"
got=$(q "SELECT CONCAT_WS('|', SMANUFACTURER, SMODEL, SSN, MSN, BVERSION, BDATE, TYPE) FROM bios WHERE HARDWARE_ID=$id")
[ "$got" = "LENOVO|20L50000US|PF1ABCDE|L1HF8AB01CD|N24ET73W (1.48 )|2023-02-28|Notebook" ] || fail "bios: $got"
got=$(q "SELECT CONCAT_WS('|', MANUFACTURER, TYPE, SPEED, CORES, LOGICAL_CPUS, CPUARCH, DATA_WIDTH) FROM cpus WHERE HARDWARE_ID=$id")
[ "$got" = "GenuineIntel|Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz|3600|4|8|x86_64|64" ] || fail "cpus: $got"
got=$(q "SELECT CONCAT_WS('|', COUNT(*), SUM(CAPACITY), MIN(SPEED), MIN(TYPE), GROUP_CONCAT(CAPTION ORDER BY NUMSLOTS)) FROM memories WHERE HARDWARE_ID=$id")
[ "$got" = "2|16384|2400|DDR4|ChannelA-DIMM0,ChannelB-DIMM0" ] || fail "memories: $got"
# DESIGNVOLTAGE is the design voltage (10.8 V), not the present one (11.1 V).
got=$(q "SELECT CONCAT_WS('|', COUNT(*), MIN(NAME), MIN(MANUFACTURER), MIN(DESIGNCAPACITY), MIN(DESIGNVOLTAGE), MIN(OEMSPECIFIC)) FROM batteries WHERE HARDWARE_ID=$id")
[ "$got" = "1|01AV424|SANYO|72000|10800|full_wh=50.40;health_pct=70.00;cycle_count=290;batteries=2" ] || fail "batteries: $got"
got=$(q "SELECT CONCAT_WS('|', COUNT(*), MIN(NAME), MIN(MODEL), MIN(DISKSIZE), MIN(SERIALNUMBER)) FROM storages WHERE HARDWARE_ID=$id")
[ "$got" = "1|nvme0n1|SAMSUNG MZVLB512HAJQ-000L7|488386|S3TNNX0K123456" ] || fail "storages: $got"
[ "$(q "SELECT COUNT(*) FROM networks WHERE HARDWARE_ID=$id")" = 2 ] || fail "networks"
[ "$(q "SELECT NAME FROM videos WHERE HARDWARE_ID=$id")" = "Intel UHD Graphics 620" ] || fail "videos"

# 2. a desktop with no battery and a live USB stick, anonymized: no serials reach the server
"$LAPFIT" export --format ocs --anonymize --report "$R/desktop-no-battery.json" --submit "$URL" || fail "submit desktop"
id2=$(q "SELECT ID FROM hardware WHERE NAME LIKE 'anon-%'"); [ -n "$id2" ] || fail "no anonymized hardware row"
[ "$(q "SELECT COUNT(*) FROM batteries WHERE HARDWARE_ID=$id2")" = 0 ] || fail "desktop battery rows"
q "SELECT SSN FROM bios WHERE HARDWARE_ID=$id2" | grep -q '^anon-' || fail "SSN not anonymized"
[ "$(q "SELECT MEMORY FROM hardware WHERE ID=$id2")" = 7869 ] || fail "desktop memory"

# 3. sending the T480 again updates it in place (same DEVICEID, rows replaced)
"$LAPFIT" export --format ocs --report "$R/thinkpad-two-batteries.json" --submit "$URL" || fail "resubmit"
[ "$(q "SELECT COUNT(*) FROM hardware WHERE DEVICEID='t480-lab-06-2026-01-10-09-25-00'")" = 1 ] || fail "duplicate hardware"
[ "$(q "SELECT COUNT(*) FROM memories WHERE HARDWARE_ID=$(hw t480-lab-06-2026-01-10-09-25-00)")" = 2 ] || fail "memories appended"
echo "OCS server ok: $(q 'SELECT COUNT(*) FROM hardware') machines stored"
