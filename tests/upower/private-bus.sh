# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the UPower harnesses: start_private_bus DIR starts a permissive
# system-type dbus-daemon listening on DIR/bus, sets $bus_pid and points
# DBUS_SYSTEM_BUS_ADDRESS at it. The caller kills $bus_pid on exit.
start_private_bus() {
    cat >"$1/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$1/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/> <allow own="*"/>
    <allow send_destination="*"/> <allow receive_sender="*"/>
  </policy>
</busconfig>
CONF
    dbus-daemon --config-file="$1/bus.conf" --fork --print-pid=3 3>"$1/bus.pid" || exit 99
    bus_pid=$(cat "$1/bus.pid")
    export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$1/bus"
    unset DBUS_SESSION_BUS_ADDRESS
}
