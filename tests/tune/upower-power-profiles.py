# SPDX-License-Identifier: GPL-2.0-or-later
'''python3-dbusmock template: org.freedesktop.UPower.PowerProfiles

The name and object that power-profiles-daemon 0.20+, tuned-ppd and tlp-pd
own (python3-dbusmock 0.28 in Debian 12 only has the older
net.hadess.PowerProfiles template). ActiveProfile is read-write, as on the
real daemons; Profiles lists what tuned-ppd offers by default.
'''
import dbus

BUS_NAME = 'org.freedesktop.UPower.PowerProfiles'
MAIN_OBJ = '/org/freedesktop/UPower/PowerProfiles'
MAIN_IFACE = 'org.freedesktop.UPower.PowerProfiles'
SYSTEM_BUS = True


def load(mock, parameters):
    profiles = [dbus.Dictionary({'Profile': name, 'Driver': 'tuned',
                                 'PlatformDriver': 'tuned', 'CpuDriver': 'tuned'},
                                signature='sv')
                for name in ('power-saver', 'balanced', 'performance')]
    mock.AddProperties(MAIN_IFACE, dbus.Dictionary({
        'ActiveProfile': parameters.get('ActiveProfile', 'balanced'),
        'PerformanceDegraded': '',
        'Profiles': dbus.Array(profiles, signature='a{sv}'),
        'Actions': dbus.Array([], signature='s'),
        'ActiveProfileHolds': dbus.Array([], signature='a{sv}'),
        'Version': parameters.get('Version', '0.23'),
    }, signature='sv'))
