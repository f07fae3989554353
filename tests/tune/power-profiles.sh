#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# lapfit tune next to the desktop's power-profile daemon, on a private system bus
# (TESTING.md 11). Usage: power-profiles.sh ppd|dbusmock FIXTURES (tests/fixtures/tune)
#   ppd       the real power-profiles-daemon (Debian 12: 0.12, net.hadess.PowerProfiles)
#             in a umockdev testbed with intel_pstate EPP files, polkit from dbusmock
#   dbusmock  a stand-in for org.freedesktop.UPower.PowerProfiles (ppd 0.20+, tuned-ppd,
#             tlp-pd) with tuned-ppd running in the fixture root
# lapfit switches the daemon's profile, leaves the daemon's knobs to it, writes the
# rest; the daemon reports the new profile; undo restores the old one and the tree.
# Exit: 0 pass, 1 fail, 77 tool missing, 99 harness error.
set -u
mode=$1 F=$2
PY=/usr/bin/python3
PPD=${PPD:-/usr/libexec/power-profiles-daemon}
tools="dbus-daemon gdbus $PY"
[ "$mode" = ppd ] && tools="$tools umockdev-run $PPD"
for t in $tools; do
    command -v "$t" >/dev/null 2>&1 || { echo "missing $t, skipping"; exit 77; }
done
$PY -c 'import dbusmock' 2>/dev/null || { echo "python3-dbusmock missing, skipping"; exit 77; }
w=$(mktemp -d -t lapfit-ppd.XXXXXX) || exit 99
bus_pid= pk_pid= d_pid= run_pid=
cleanup() {
    [ -n "$d_pid" ] && kill "$d_pid" 2>/dev/null
    [ -n "$run_pid" ] && wait "$run_pid" 2>/dev/null   # umockdev-run removes its testbed
    [ -n "$pk_pid" ] && kill "$pk_pid" 2>/dev/null
    [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
    rm -rf "$w"
}
trap cleanup EXIT
trap 'exit 99' INT TERM
fail() { echo "FAIL: $*"; [ -f "$w/daemon.log" ] && tail -20 "$w/daemon.log"; exit 1; }

. "$LF_SOURCE_DIR/tests/upower/private-bus.sh"
start_private_bus "$w"

wait_for() {  # NAME OBJECT INTERFACE PROPERTY: bounded (200 x 25 ms)
    i=0
    until gdbus call --system -d "$1" -o "$2" -m org.freedesktop.DBus.Properties.Get "$3" "$4" \
            >/dev/null 2>&1; do
        i=$((i + 1))
        [ $i -le 200 ] || fail "$1 did not answer"
        sleep 0.025
    done
}

if [ "$mode" = ppd ]; then
    NAME=net.hadess.PowerProfiles OBJ=/net/hadess/PowerProfiles
    $PY -m dbusmock --system --template polkitd >"$w/polkit.log" 2>&1 &
    pk_pid=$!
    i=0
    until gdbus introspect --system -d org.freedesktop.PolicyKit1 \
            -o /org/freedesktop/PolicyKit1/Authority >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -le 200 ] || fail "polkit stand-in did not answer"; sleep 0.025
    done
    # The daemon's own testbed: an intel_pstate CPU whose EPP it drives.
    umockdev-run -- sh -c '
        d=/sys/devices/system/cpu/cpufreq/policy0
        mkdir -p $d /sys/devices/system/cpu/intel_pstate
        echo powersave >$d/scaling_governor
        echo balance_performance >$d/energy_performance_preference
        echo "default performance balance_performance balance_power power" \
            >$d/energy_performance_available_preferences
        echo 0 >/sys/devices/system/cpu/intel_pstate/no_turbo
        echo active >/sys/devices/system/cpu/intel_pstate/status
        echo "$UMOCKDEV_DIR" >"$0/testbed"; echo $$ >"$0/daemon.pid"; exec "$1" -r -v' \
        "$w" "$PPD" >"$w/daemon.log" 2>&1 &
    run_pid=$!
    wait_for $NAME $OBJ $NAME ActiveProfile
    d_pid=$(cat "$w/daemon.pid")
    EPP="$(cat "$w/testbed")/sys/devices/system/cpu/cpufreq/policy0/energy_performance_preference"
else
    NAME=org.freedesktop.UPower.PowerProfiles OBJ=/org/freedesktop/UPower/PowerProfiles
    $PY -m dbusmock --system --template "$LF_SOURCE_DIR/tests/tune/upower-power-profiles.py" \
        >"$w/daemon.log" 2>&1 &
    d_pid=$!
    wait_for $NAME $OBJ $NAME ActiveProfile
fi
active() {
    gdbus call --system -d $NAME -o $OBJ -m org.freedesktop.DBus.Properties.Get $NAME ActiveProfile |
        sed -n "s/^(<'\(.*\)'>,)$/\1/p"
}
[ "$(active)" = balanced ] || fail "daemon starts in $(active)"

m=thinkpad-x1c11
cp -a "$F/$m" "$w/root"
[ "$mode" = dbusmock ] && cp -a "$F/conflicts/tuned-ppd/proc/702" "$w/root/proc/702"
cp -a "$w/root" "$w/orig"
run() { "$LAPFIT" tune "$@" --root "$w/root" --state-dir "$w/state"; }

# 1. The plan switches the daemon and leaves its knobs to it.
LC_ALL=C run plan power-saver --on-battery --json >"$w/plan.json" || fail "plan"
$PY - "$w/plan.json" "$mode" "$NAME" <<'PY' || fail "plan: $(cat "$w/plan.json")"
import json, sys
d = json.load(open(sys.argv[1])); mode, name = sys.argv[2], sys.argv[3]
rows = {(r["knob"], r["instance"]): r for r in d["rows"]}
pp = rows[("power_profile", "")]
assert pp["path"] == name and pp["from"] == "balanced" and pp["to"] == "power-saver", pp
assert pp["action"] == "change" and d["rows"][0] is not None
owner = "power-profiles-daemon" if mode == "ppd" else "tuned-ppd"
left = {k for (k, i), r in rows.items() if r["reason"] == "left-to-daemon"}
assert {"cpu_epp", "platform_profile"} <= left, left
if mode == "dbusmock":   # TuneD's knobs too, through tuned-ppd
    assert {"usb_autosuspend", "nmi_watchdog", "audio_power_save"} <= left, left
else:                    # power-profiles-daemon leaves these to lapfit
    assert rows[("nmi_watchdog", "")]["action"] == "change", rows[("nmi_watchdog", "")]
    assert rows[("usb_autosuspend", "1-6")]["action"] == "change"
for (k, i), r in rows.items():
    assert r["tuner"] is None or r["reason"] == "left-to-daemon", r
assert owner in rows[("cpu_epp", "policy0")]["detail"], rows[("cpu_epp", "policy0")]
assert "which lapfit switches instead" in rows[("cpu_epp", "policy0")]["detail"]
PY
LC_ALL=C run plan power-saver --on-battery >"$w/plan.txt" || fail "plan text"
grep -q "cpu_epp .*skipped: left to " "$w/plan.txt" || fail "plan text: $(cat "$w/plan.txt")"

# 2. Without polkit's consent the daemon refuses: one line, nothing written, no journal.
if [ "$mode" = ppd ]; then
    LC_ALL=C run apply power-saver --on-battery >/dev/null 2>"$w/err"; rc=$?
    [ $rc -eq 1 ] || fail "unauthorised apply: exit $rc"
    [ "$(wc -l <"$w/err")" -eq 1 ] || fail "unauthorised apply: $(cat "$w/err")"
    grep -q "^lapfit: net.hadess.PowerProfiles did not switch to the profile 'power-saver': .*Not Authorized" \
        "$w/err" || fail "unauthorised message: $(cat "$w/err")"
    diff -r --no-dereference "$w/orig" "$w/root" || fail "unauthorised apply wrote"
    [ ! -f "$w/state/journal.json" ] || fail "journal kept after a refused switch"
    gdbus call --system -d org.freedesktop.PolicyKit1 -o /org/freedesktop/PolicyKit1/Authority \
        -m org.freedesktop.DBus.Mock.SetAllowed "['net.hadess.PowerProfiles.switch-profile']" \
        >/dev/null || exit 99
fi

# 3. Apply: the daemon reports power-saver (ppd drove its own EPP file); lapfit did not
#    touch the knobs it left to the daemon; the journal holds the daemon's old profile.
run apply power-saver --on-battery >"$w/out" || fail "apply: $(cat "$w/out")"
[ "$(active)" = power-saver ] || fail "daemon reports $(active) after apply"
[ "$mode" = ppd ] && { [ "$(cat "$EPP")" = power ] || fail "ppd did not set its EPP: $(cat "$EPP")"; }
for f in sys/devices/system/cpu/cpufreq/policy0/energy_performance_preference \
         sys/firmware/acpi/platform_profile; do
    cmp -s "$w/orig/$f" "$w/root/$f" || fail "lapfit wrote $f, which the daemon owns"
done
diff -r --no-dereference "$w/orig" "$w/root" >/dev/null && fail "apply wrote nothing"
grep -q '"knob" *: *"power_profile"' "$w/state/journal.json" || fail "journal: $(cat "$w/state/journal.json")"
LC_ALL=C run status >"$w/status" || fail "status"
grep -A1 '^power_profile:' "$w/status" | grep -q 'power-saver' || fail "status: $(cat "$w/status")"

# 4. Undo (a new process, from the journal): the daemon is back to balanced, the tree byte-exact.
run undo >/dev/null || fail "undo"
[ "$(active)" = balanced ] || fail "daemon reports $(active) after undo"
[ "$mode" = ppd ] && { [ "$(cat "$EPP")" = balance_performance ] || fail "EPP after undo: $(cat "$EPP")"; }
diff -r --no-dereference "$w/orig" "$w/root" || fail "undo not byte-exact"

# 5. A fixture run without a bus of its own never reaches the daemon; where the
#    root shows the daemon running, its knobs stay left to it, and the plan does
#    not claim to switch it.
env -u DBUS_SYSTEM_BUS_ADDRESS LC_ALL=C "$LAPFIT" tune plan power-saver --json --root "$w/root" \
    --state-dir "$w/state" >"$w/nobus.json" || fail "plan without a bus"
grep -q '"power_profile"' "$w/nobus.json" && fail "fixture run used the system bus"
if [ "$mode" = dbusmock ]; then
    $PY - "$w/nobus.json" <<'PY' || fail "plan without a bus: $(cat "$w/nobus.json")"
import json, sys
rows = {(r["knob"], r["instance"]): r for r in json.load(open(sys.argv[1]))["rows"]}
r = rows[("cpu_epp", "policy0")]
assert r["reason"] == "left-to-daemon" and r["detail"].endswith("which stays as it is"), r
PY
fi
echo "power-profiles $mode ok"
