#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Charge limits per vendor driver (src/tune/charge.c) on sysroots laid out as the
# kernel does (tests/fixtures/tune/charge/<driver>): the plan fits the profile's
# thresholds to each driver's rules, apply writes them, undo is byte-exact; and
# `tune fullcharge` lifts the limits once until the next `tune apply`.
# Argument: tests/fixtures/tune.
set -u
F=$1/charge
fail() { echo "FAIL: $*"; exit 1; }
w=$(mktemp -d) || exit 99
trap 'rm -rf "$w"' EXIT
run() { LC_ALL=C "$LAPFIT" tune "$@" --root "$w/root" --state-dir "$w/state"; }
fresh() { rm -rf "$w/root" "$w/state"; cp -a "$F/$1" "$w/root"; }
val() { cat "$w/root/$1"; }

# driver | file below sys/ | value after power-saver (stop 80, start 75) on battery
while IFS='|' read -r drv file want; do
  [ -n "$drv" ] || continue
  fresh "$drv"
  run apply power-saver >"$w/out" || fail "$drv: apply: $(cat "$w/out")"
  [ "$(val "sys/$file")" = "$want" ] || fail "$drv: $file is $(val "sys/$file"), want $want"
  run undo >/dev/null || fail "$drv: undo"
  diff -r --no-dereference "$F/$drv" "$w/root" || fail "$drv: undo not byte-exact"
done <<'T'
thinkpad_acpi|class/power_supply/BAT0/charge_control_start_threshold|75
thinkpad_acpi|class/power_supply/BAT0/charge_control_end_threshold|80
asus-nb-wmi|class/power_supply/BAT0/charge_control_end_threshold|80
lg-laptop|class/power_supply/CMB0/charge_control_end_threshold|80
lg-laptop|devices/platform/lg-laptop/battery_care_limit|80
huawei-wmi|class/power_supply/BAT1/charge_control_start_threshold|75
huawei-wmi|class/power_supply/BAT1/charge_control_end_threshold|80
dell-laptop|class/power_supply/BAT0/charge_types|Custom
dell-laptop|class/power_supply/BAT0/charge_control_start_threshold|75
dell-laptop|class/power_supply/BAT0/charge_control_end_threshold|80
framework|class/power_supply/BAT1/charge_control_start_threshold|75
framework|class/power_supply/BAT1/charge_control_end_threshold|80
msi-ec|class/power_supply/BAT1/charge_control_start_threshold|90
msi-ec|class/power_supply/BAT1/charge_control_end_threshold|80
ideapad_acpi|bus/platform/devices/VPC2004:00/conservation_mode|1
samsung-laptop|devices/platform/samsung/battery_life_extender|1
sony-laptop|devices/platform/sony-laptop/battery_care_limiter|80
system76_acpi|class/power_supply/BAT0/charge_control_start_threshold|75
system76_acpi|class/power_supply/BAT0/charge_control_end_threshold|80
toshiba_acpi|class/power_supply/BAT1/charge_control_end_threshold|80
fujitsu-laptop|class/power_supply/CMB0/charge_control_end_threshold|80
samsung-galaxybook|class/power_supply/BAT1/charge_control_end_threshold|80
T

# Each driver is recognised by its directory below sys/bus (ACPI drivers by
# their .name, with spaces), and its rules are the ones status shows.
while IFS='|' read -r drv bat rule; do
  [ -n "$drv" ] || continue
  fresh "$drv"
  run status >"$w/status" || fail "$drv: status"
  grep -A1 '^charge_stop_threshold:' "$w/status" | grep -qF "$bat " ||
    fail "$drv: no $bat threshold: $(cat "$w/status")"
  grep -A1 '^charge_stop_threshold:' "$w/status" | grep -qF "[$rule]" ||
    fail "$drv: rule is not '$rule': $(cat "$w/status")"
done <<'T'
system76_acpi|BAT0|system76_acpi: start 0-99, stop 1-100
toshiba_acpi|BAT1|toshiba_acpi: stop 80/100
fujitsu-laptop|CMB0|fujitsu-laptop: stop 50-100
samsung-galaxybook|BAT1|samsung-galaxybook: stop 1-100
T
# Toshiba stops at 80 or 100 only: 85 rounds up; Fujitsu stops at 50 at the lowest.
fresh toshiba_acpi
run plan power-saver --set charge_stop_threshold=85 --json >"$w/p.json" || fail "toshiba plan"
python3 - "$w/p.json" <<'PY' || fail "toshiba round up: $(cat "$w/p.json")"
import json, sys
rows = {r["knob"]: r for r in json.load(open(sys.argv[1]))["rows"]}
assert rows["charge_stop_threshold"]["to"] == "100", rows
PY
fresh fujitsu-laptop
run plan power-saver --set charge_stop_threshold=40 --json >"$w/p.json" || fail "fujitsu plan"
python3 - "$w/p.json" <<'PY' || fail "fujitsu minimum: $(cat "$w/p.json")"
import json, sys
rows = {r["knob"]: r for r in json.load(open(sys.argv[1]))["rows"]}
assert rows["charge_stop_threshold"]["to"] == "50", rows
PY

# Values fitted to the driver's rules, and said so.
fresh dell-laptop
run plan power-saver --set charge_start_threshold=78 --json >"$w/p.json" || fail "dell plan"
python3 - "$w/p.json" <<'PY' || fail "dell gap: $(cat "$w/p.json")"
import json, sys
rows = {r["knob"]: r for r in json.load(open(sys.argv[1]))["rows"]}
s = rows["charge_start_threshold"]
assert s["to"] == "75" and s["reason"] == "adjusted" and "5 points" in s["detail"], s
assert rows["charge_type"]["to"] == "Custom" and rows["charge_type"]["action"] == "change"
PY
run plan power-saver --set charge_start_threshold=40 --set charge_stop_threshold=50 --json \
  >"$w/p.json" || fail "dell plan 2"
python3 - "$w/p.json" <<'PY' || fail "dell range: $(cat "$w/p.json")"
import json, sys
rows = {r["knob"]: r for r in json.load(open(sys.argv[1]))["rows"]}
assert rows["charge_start_threshold"]["to"] == "50", rows   # the BIOS's minimum
assert rows["charge_stop_threshold"]["to"] == "55", rows
assert "dell-laptop driver takes 55, not 50" in rows["charge_stop_threshold"]["detail"]
PY
fresh lg-laptop
run plan power-saver --set charge_stop_threshold=85 --json >"$w/p.json" || fail "lg plan"
python3 - "$w/p.json" <<'PY' || fail "lg round up: $(cat "$w/p.json")"
import json, sys
rows = {r["knob"]: r for r in json.load(open(sys.argv[1]))["rows"]}
assert rows["charge_stop_threshold"]["to"] == "100", rows     # 80 or 100 only: never below
assert rows["charge_lg_care_limit"]["to"] == "100", rows
PY
fresh msi-ec
run plan power-saver >"$w/plan" || fail "msi plan"
grep -q "charge_start_threshold .*skipped: the msi-ec driver sets the start threshold itself" \
  "$w/plan" || fail "msi start: $(cat "$w/plan")"

# tune status lists the charge controls with values and the driver's rules.
fresh thinkpad_acpi
run status >"$w/status" || fail "status"
grep -A1 '^charge_stop_threshold:' "$w/status" | grep -q "BAT0 .* 100  \[thinkpad_acpi: start 0-99, stop 1-100\]" ||
  fail "status rule: $(cat "$w/status")"
fresh ideapad_acpi
run status --json | python3 -c "
import json, sys
k = {r['knob']: r for r in json.load(sys.stdin)['knobs']}
assert k['charge_ideapad_conservation']['current'] == '0', k" || fail "status ideapad"

# fullcharge: limits lifted once (journaled), back at the next apply; undo still
# restores the state before lapfit. Dell goes to Standard; IdeaPad's switch off.
for drv in thinkpad_acpi dell-laptop ideapad_acpi; do
  fresh "$drv"
  run apply power-saver >/dev/null || fail "$drv: apply"
  rm -rf "$w/limited"; cp -a "$w/root" "$w/limited"
  run fullcharge >"$w/out" || fail "$drv: fullcharge: $(cat "$w/out")"
  grep -q "charges to 100 % once" "$w/out" || fail "$drv: fullcharge text: $(cat "$w/out")"
  [ -f "$w/state/fullcharge.json" ] || fail "$drv: nothing remembered"
  case $drv in
  thinkpad_acpi) [ "$(val sys/class/power_supply/BAT0/charge_control_end_threshold)" = 100 ] &&
                 [ "$(val sys/class/power_supply/BAT0/charge_control_start_threshold)" = 99 ] ||
                 fail "thinkpad fullcharge values" ;;
  dell-laptop)   [ "$(val sys/class/power_supply/BAT0/charge_types)" = Standard ] &&
                 [ "$(val sys/class/power_supply/BAT0/charge_control_end_threshold)" = 100 ] &&
                 [ "$(val sys/class/power_supply/BAT0/charge_control_start_threshold)" = 95 ] ||
                 fail "dell fullcharge values" ;;
  ideapad_acpi)  [ "$(val sys/bus/platform/devices/VPC2004:00/conservation_mode)" = 0 ] ||
                 fail "ideapad fullcharge value" ;;
  esac
  run fullcharge >/dev/null || fail "$drv: second fullcharge"
  run apply power-saver >"$w/out" || fail "$drv: apply after fullcharge"
  grep -q "The full charge is over" "$w/out" || fail "$drv: no restore message: $(cat "$w/out")"
  [ ! -f "$w/state/fullcharge.json" ] || fail "$drv: fullcharge still pending"
  diff -r --no-dereference "$w/limited" "$w/root" || fail "$drv: limits not back after apply"
  run undo >/dev/null || fail "$drv: undo after fullcharge"
  diff -r --no-dereference "$F/$drv" "$w/root" || fail "$drv: undo after fullcharge not byte-exact"
done
fresh sony-laptop
rm -rf "$w/root/sys/devices/platform/sony-laptop"
run fullcharge 2>"$w/err"; rc=$?
[ $rc -eq 1 ] || fail "no charge control: exit $rc"
grep -q "^lapfit: this machine has no battery charge limit that lapfit can change$" "$w/err" ||
  fail "no charge control: $(cat "$w/err")"
echo "tune charge ok"
