#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Owns org.freedesktop.UPower on the system bus and never answers: a hung
upowerd. Prints "ready" once the name is owned, then sleeps until killed."""
import sys
import time

import dbus

bus = dbus.SystemBus()
if bus.request_name("org.freedesktop.UPower") != dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER:
    sys.exit(99)
print("ready", flush=True)
time.sleep(60)        # no main loop: method calls are never answered
