/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Battery sources: each fills LfBatteryRaw records (battery-calc.h) without
 * arithmetic. lf_probe_batteries() (battery.c) picks the source. */
#pragma once
#include "core/sysroot.h"
#include "probe/battery-calc.h"

/* A heap LfBatteryRaw, initialised. transfer full. */
LfBatteryRaw *lf_battery_raw_new(void);
void lf_battery_raw_free(LfBatteryRaw *raw);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfBatteryRaw, lf_battery_raw_free)

/* Sets the field that the sysfs attribute `attr` ("energy_now", "status",
 * "charge_start_threshold" ...) maps to, from its text as read. Returns FALSE
 * for attributes it does not know. Text that is not a number leaves a number
 * NAN. No arithmetic. */
gboolean lf_battery_raw_set_attr(LfBatteryRaw *raw, const char *attr, const char *text);

/* Attribute names lf_battery_raw_set_attr() knows, NULL-terminated. */
extern const char *const lf_battery_sysfs_attrs[];

/* Every system battery under <root>/sys/class/power_supply (type Battery,
 * not scope Device, present unless it says 0), sorted by name. Never NULL;
 * empty when there is none. transfer full: GPtrArray of LfBatteryRaw. */
GPtrArray *lf_battery_sysfs_read(const LfSysroot *root);

/* Reads the named power_supply directory's attributes into raw (name set by
 * the caller). Used for thresholds on the UPower path too. */
void lf_battery_sysfs_read_one(const LfSysroot *root, const char *name, LfBatteryRaw *raw);

/* The batteries of root for lf_battery_calc(), for probe, tuner and TUI alike:
 * when ask_upower and upowerd answers with at least one battery, its records
 * (each with what only sysfs says merged in, and the sysfs record attached for
 * the unit flags); else the sysfs records. Never NULL. transfer full: GPtrArray of LfBatteryRaw. */
GPtrArray *lf_battery_read(const LfSysroot *root, gboolean ask_upower);

/* Batteries as upowerd sees them (kind battery, power supply), or NULL with
 * an error when no upowerd answers on the system bus. Checks cheaply first
 * (no bus, no owner of org.freedesktop.UPower, no answer within a short
 * timeout) and never starts upowerd by D-Bus activation.
 * transfer full: GPtrArray of LfBatteryRaw with source "upower". */
GPtrArray *lf_battery_upower_read(GError **error);
