#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `lapfit tune` end to end on copies of the fixture trees (argument: tests/fixtures/tune).
# Each command is a new process: undo reads the journal from disk ("after a reboot").
set -u
F=$1
fail() { echo "FAIL: $*"; exit 1; }
w=$(mktemp -d) || exit 99
trap 'rm -rf "$w"' EXIT

one_line() {  # rc want, stderr file: exactly one "lapfit: " line
  [ "$(wc -l < "$2")" -eq 1 ] || fail "$3: want one error line, got: $(cat "$2")"
  grep -q '^lapfit: ' "$2" || fail "$3: error prefix: $(cat "$2")"
}

# 1. Round trip on the three machines, both sources, all profiles: byte-exact.
for m in thinkpad-x1c11 amd-ideapad5 core2-d630; do
  for p in power-saver balanced performance; do
    for s in --on-ac --on-battery; do
      rm -rf "$w/root" "$w/state"; cp -a "$F/$m" "$w/root"
      "$LAPFIT" tune plan "$p" $s --root "$w/root" --state-dir "$w/state" > "$w/plan" ||
        fail "$m $p $s: plan"
      diff -r --no-dereference "$F/$m" "$w/root" > /dev/null || fail "$m $p $s: plan wrote"
      "$LAPFIT" tune apply "$p" $s --root "$w/root" --state-dir "$w/state" > "$w/out" ||
        fail "$m $p $s: apply: $(cat "$w/out")"
      if grep -q -- '->' "$w/plan"; then
        diff -r --no-dereference "$F/$m" "$w/root" > /dev/null && fail "$m $p $s: nothing written"
        if [ "$s" = --on-battery ]; then   # status reads every profile: once per machine and profile
          "$LAPFIT" tune status --root "$w/root" --state-dir "$w/state" | grep -q "Matches profile $p" ||
            fail "$m $p $s: status does not match $p"
        fi
        "$LAPFIT" tune undo --root "$w/root" --state-dir "$w/state" > /dev/null || fail "$m $p $s: undo"
      fi
      diff -r --no-dereference "$F/$m" "$w/root" || fail "$m $p $s: undo not byte-exact"
    done
  done
done

# 1b. The probe's fixture machines (tests/fixtures/machines/*/sysroot), read only: same round trip.
for r in "$F"/../machines/*/sysroot; do
  [ -d "$r" ] || continue
  for ps in "power-saver --on-battery" "performance --on-ac"; do
    rm -rf "$w/root" "$w/state"; cp -a "$r" "$w/root"
    "$LAPFIT" tune apply $ps --force --root "$w/root" --state-dir "$w/state" > "$w/out" 2>&1 ||
      fail "$r $ps: apply: $(cat "$w/out")"
    if [ -f "$w/state/journal.json" ]; then
      "$LAPFIT" tune undo --root "$w/root" --state-dir "$w/state" > /dev/null || fail "$r $ps: undo"
    fi
    diff -r --no-dereference "$r" "$w/root" || fail "$r $ps: undo not byte-exact"
  done
done

# 2. JSON plan: C-locale, stable keys.
rm -rf "$w/root" "$w/state"; cp -a "$F/thinkpad-x1c11" "$w/root"
LC_ALL=de_DE.UTF-8 "$LAPFIT" tune plan power-saver --json --root "$w/root" > "$w/plan.json" ||
  fail "plan --json"
python3 - "$w/plan.json" <<'PY' || fail "plan json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["profile"] == "power-saver" and d["source"] == "battery", d
rows = {(r["knob"], r["instance"]): r for r in d["rows"]}
assert rows[("usb_autosuspend", "1-2")]["action"] == "skip"
assert rows[("usb_autosuspend", "1-2")]["reason"] == "excluded"
assert rows[("cpu_epp", "policy0")]["to"] == "power"
assert rows[("wifi_power_save", "wlan0")]["reason"] == "excluded"   # a copy: no nl80211
assert d["changes"] == sum(r["action"] == "change" for r in d["rows"])
# The knobs that save the most: turbo off and the GPU capped on battery.
assert rows[("cpu_no_turbo", "")]["to"] == "1", rows[("cpu_no_turbo", "")]
assert rows[("gpu_max_freq", "card0")]["to"] == "900"      # 60 % of gt_RP0_freq_mhz 1500
assert rows[("cpu_epp", "policy0")]["cost"] and rows[("cpu_epp", "policy0")]["description"]
PY
LC_ALL=C "$LAPFIT" tune plan power-saver --root "$w/root" | grep -A1 '^cpu_no_turbo: Intel Turbo Boost off' |
  grep -q '^    may cost: heavy work' || fail "plan text: what a knob does and costs"
"$LAPFIT" tune plan power-saver --on-battery --json --root "$F/amd-ideapad5" |
  python3 -c "
import json, sys
rows = {(r['knob'], r['instance']): r for r in json.load(sys.stdin)['rows']}
assert rows[('gpu_power_level', 'card0')]['to'] == 'low', rows
assert rows[('cpu_boost', '')]['to'] == '0', rows" || fail "amd: boost and GPU level"
# intel_pstate's floor and ceiling: set, written, undone.
rm -rf "$w/mp" "$w/mps"; cp -a "$F/thinkpad-x1c11" "$w/mp"
"$LAPFIT" tune apply balanced --set cpu_min_perf=20 --set cpu_max_perf_ON_BAT=70 --root "$w/mp" \
  --state-dir "$w/mps" >/dev/null || fail "min/max perf apply"
[ "$(cat "$w/mp/sys/devices/system/cpu/intel_pstate/min_perf_pct")" = 20 ] &&
  [ "$(cat "$w/mp/sys/devices/system/cpu/intel_pstate/max_perf_pct")" = 70 ] || fail "min/max perf values"
"$LAPFIT" tune undo --root "$w/mp" --state-dir "$w/mps" >/dev/null || fail "min/max perf undo"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/mp" || fail "min/max perf undo not byte-exact"
"$LAPFIT" tune status --json --root "$w/root" > "$w/status.json" || fail "status --json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['source']=='battery' and d['journal'] is None and d['tuners']==[]" "$w/status.json" || fail "status json"

# 3. Default state dir is below the root; --set overrides one key.
"$LAPFIT" tune apply balanced --root "$w/root" --set nmi_watchdog=1 --set cpu_epp_ON_BAT=power > /dev/null ||
  fail "apply with --set"
[ -f "$w/root/var/lib/lapfit/journal.json" ] || fail "journal not in <root>/var/lib/lapfit"
grep -qx power "$w/root/sys/devices/system/cpu/cpufreq/policy0/energy_performance_preference" ||
  fail "--set cpu_epp_ON_BAT"
"$LAPFIT" tune undo --root "$w/root" > /dev/null || fail "undo default state dir"
rm -rf "$w/root/var"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/root" || fail "undo (default state dir)"

# 4. Usage errors: exit 2, one line.
"$LAPFIT" tune plan --root "$w/root" 2> "$w/err"; rc=$?
[ $rc -eq 2 ] || fail "plan without profile: exit $rc"; one_line 2 "$w/err" "plan without profile"
"$LAPFIT" tune frobnicate 2> "$w/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown tune command: exit $rc"; one_line 2 "$w/err" "unknown tune command"
"$LAPFIT" tune plan balanced --on-ac --on-battery --root "$w/root" 2> "$w/err"; rc=$?
[ $rc -eq 2 ] || fail "--on-ac --on-battery: exit $rc"
"$LAPFIT" tune plan nosuch --root "$w/root" 2> "$w/err"; rc=$?
[ $rc -eq 1 ] || fail "unknown profile: exit $rc"; one_line 1 "$w/err" "unknown profile"
grep -q "no profile named 'nosuch' (have: balanced, performance, power-saver)" "$w/err" || fail "unknown profile message"

# 5. A malformed profile names file and line.
mkdir -p "$w/root/etc/lapfit/profiles.d"
printf '[profile]\ndescription=mine\n[knobs]\ncpu_governor=powersave\nsata_alpm=turbo\n' \
  > "$w/root/etc/lapfit/profiles.d/mine.conf"
"$LAPFIT" tune plan mine --root "$w/root" 2> "$w/err"; rc=$?
[ $rc -eq 1 ] || fail "malformed profile: exit $rc"; one_line 1 "$w/err" "malformed profile"
grep -q "profiles.d/mine.conf:5: 'turbo' is not a valid value for sata_alpm" "$w/err" ||
  fail "malformed profile message: $(cat "$w/err")"
printf '[knobs]\nnmi_watchdog 0\n' > "$w/bad.conf"
"$LAPFIT" tune plan "$w/bad.conf" --root "$w/root" 2> "$w/err"; rc=$?
[ $rc -eq 1 ] || fail "malformed profile file: exit $rc"
grep -q "bad.conf:2: expected KEY=VALUE" "$w/err" || fail "profile file message: $(cat "$w/err")"
rm -rf "$w/root/etc/lapfit"

# 6. Lock: held by someone else -> bounded wait, one clean line; then it works.
mkdir -p "$w/state"
flock "$w/state/lock" sleep 2 &
holder=$!
sleep 0.3
"$LAPFIT" tune apply power-saver --wait 1 --root "$w/root" --state-dir "$w/state" > /dev/null 2> "$w/err"; rc=$?
[ $rc -eq 1 ] || fail "locked apply: exit $rc"; one_line 1 "$w/err" "locked apply"
grep -q "another lapfit tune run holds" "$w/err" || fail "lock message: $(cat "$w/err")"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/root" > /dev/null || fail "locked apply wrote"
wait $holder

# 7. Two applies at once: each waits for the other or fails cleanly; undo restores.
"$LAPFIT" tune apply power-saver --root "$w/root" --state-dir "$w/state" > "$w/a1" 2> "$w/e1" &
p1=$!
"$LAPFIT" tune apply performance --root "$w/root" --state-dir "$w/state" > "$w/a2" 2> "$w/e2" &
p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
for i in 1 2; do
  eval "r=\$r$i"
  if [ "$r" -ne 0 ]; then
    [ "$r" -eq 1 ] || fail "concurrent apply $i: exit $r"; one_line 1 "$w/e$i" "concurrent apply $i"
  fi
done
[ $r1 -eq 0 ] || [ $r2 -eq 0 ] || fail "both concurrent applies failed"
"$LAPFIT" tune undo --root "$w/root" --state-dir "$w/state" > /dev/null || fail "undo after concurrent"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/root" || fail "undo after concurrent applies"

# 8. Another tuner: refused with its name and why, unless --force.
mkdir -p "$w/root/proc/4242"; echo tlp > "$w/root/proc/4242/comm"
"$LAPFIT" tune apply power-saver --root "$w/root" --state-dir "$w/state" 2> "$w/err"; rc=$?
[ $rc -eq 1 ] || fail "conflict: exit $rc"; one_line 1 "$w/err" "conflict"
grep -q "TLP is running and also sets cpu_epp; .*--force" "$w/err" || fail "conflict message: $(cat "$w/err")"
"$LAPFIT" tune status --root "$w/root" | grep -q "Other tuner running: TLP" || fail "status shows TLP"
"$LAPFIT" tune apply power-saver --force --root "$w/root" --state-dir "$w/state" > /dev/null ||
  fail "apply --force"
"$LAPFIT" tune undo --root "$w/root" --state-dir "$w/state" > /dev/null || fail "undo after --force"
rm -rf "$w/root/proc/4242"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/root" || fail "undo after --force"

# 9. A symlink that leaves sysfs is refused; nothing is written.
t="$w/root/sys/firmware/acpi/platform_profile"
rm "$t"; ln -s ../../../etc/os-release "$t"
"$LAPFIT" tune apply power-saver --root "$w/root" --state-dir "$w/state" 2> "$w/err"; rc=$?
[ $rc -eq 1 ] || fail "symlink out of sysfs: exit $rc"; one_line 1 "$w/err" "symlink"
grep -q "outside /sys and /proc/sys" "$w/err" || fail "symlink message: $(cat "$w/err")"
grep -q '^ID=debian' "$w/root/etc/os-release" || fail "os-release was written"
[ ! -f "$w/state/journal.json" ] || fail "journal written for a refused apply"
rm "$t"; echo balanced > "$t"

# 10. Non-root on the live root: a clear error (only testable when we are root).
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
  setpriv --reuid=65534 --regid=65534 --clear-groups "$LAPFIT" tune apply balanced --force \
    --state-dir "$w/nobody" 2> "$w/err"; rc=$?
  [ $rc -eq 1 ] || fail "non-root live apply: exit $rc"; one_line 1 "$w/err" "non-root"
  grep -q "needs root" "$w/err" || fail "non-root message: $(cat "$w/err")"
elif [ "$(id -u)" -ne 0 ]; then
  "$LAPFIT" tune apply balanced --force --state-dir "$w/nobody" 2> "$w/err"; rc=$?
  [ $rc -eq 1 ] || fail "non-root live apply: exit $rc"; grep -q "needs root" "$w/err" || fail "non-root message"
fi

# 11. install / uninstall under the root.
"$LAPFIT" tune install power-saver --root "$w/root" > "$w/out" || fail "install"
grep -q 'ExecStart=.*/lapfit tune auto power-saver' "$w/root/etc/systemd/system/lapfit-tune.service" ||
  fail "service file"
[ -L "$w/root/etc/systemd/system/multi-user.target.wants/lapfit-tune.service" ] || fail "wants link"
[ -f "$w/root/etc/udev/rules.d/90-lapfit-tune.rules" ] || fail "udev rule"
"$LAPFIT" tune uninstall --root "$w/root" > /dev/null || fail "uninstall"
[ ! -e "$w/root/etc/systemd/system/lapfit-tune.service" ] || fail "uninstall left the service"

# 12. measure: power_now on a discharging battery, no profile (--seconds 1).
"$LAPFIT" tune measure --seconds 1 --json --root "$w/root" > "$w/m.json" || fail "measure"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert abs(d['before_w']-8.2)<1e-9, d" "$w/m.json" ||
  fail "measure value: $(cat "$w/m.json")"
# energy_now falls by 0.01 Wh during a 2 s measurement: about 18 W. The change is
# made once lapfit says it started measuring (stderr), so the first sample is before it.
rm "$w/root/sys/class/power_supply/BAT0/power_now"
LC_ALL=C "$LAPFIT" tune measure --seconds 2 --root "$w/root" > "$w/m.txt" 2> "$w/m.err" &
mp=$!
i=0
until grep -q "Measuring" "$w/m.err" 2>/dev/null; do
  i=$((i + 1)); [ $i -lt 100 ] || fail "measure did not start"; sleep 0.05
done
sleep 0.5
echo 40990000 > "$w/root/sys/class/power_supply/BAT0/energy_now"
wait $mp || fail "measure (energy)"
watts=$(sed -n 's/^Battery draw before: \([0-9.]*\) W .*/\1/p' "$w/m.txt")
python3 -c "import sys; assert 12 < float(sys.argv[1]) < 19" "$watts" || fail "measure energy delta: $(cat "$w/m.txt")"

# 13. The tuner asks the probe about AC: a USB-C adapter counts like Mains.
u="$w/usbc/sys/class/power_supply"
mkdir -p "$u/ucsi-source-psy-USBC000:001" "$u/BAT0"
echo USB > "$u/ucsi-source-psy-USBC000:001/type"; echo Battery > "$u/BAT0/type"
for state in "1 Charging ac true" "0 Discharging battery false"; do
  set -- $state
  echo "$1" > "$u/ucsi-source-psy-USBC000:001/online"; echo "$2" > "$u/BAT0/status"
  "$LAPFIT" tune status --json --root "$w/usbc" > "$w/src.json" || fail "status on USB-C"
  grep -q "\"source\": \"$3\"" "$w/src.json" || fail "USB-C online=$1: want $3: $(head -3 "$w/src.json")"
  "$LAPFIT" probe --json --root "$w/usbc" | grep -q "\"on_ac\": $4" || fail "probe on_ac not $4"
done

# 13. Interrupted while the profile is applied: undone before the process ends.
rm -rf "$w/root" "$w/state"; cp -a "$F/thinkpad-x1c11" "$w/root"
LC_ALL=C "$LAPFIT" tune measure power-saver --seconds 20 --root "$w/root" --state-dir "$w/state" \
  > /dev/null 2> "$w/m.err" &
mp=$!
i=0
until grep -q "^Applied power-saver" "$w/m.err" 2>/dev/null; do
  i=$((i + 1)); [ $i -lt 400 ] || fail "measure did not apply"; sleep 0.05
done
kill -TERM $mp
wait $mp && fail "interrupted measure exited 0"
diff -r --no-dereference "$F/thinkpad-x1c11" "$w/root" || fail "interrupted measure left the profile"
echo "tune cli ok"
