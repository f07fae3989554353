/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Battery maths: one source-neutral raw record in, one LfBattery out.
 *
 * The sources (battery-sysfs.c: sysfs power_supply, battery-upower.c:
 * libupower-glib) copy what they read into an LfBatteryRaw without any
 * arithmetic; lf_battery_calc() does all of it (units, health, percent,
 * power, times, sanity flags), so both sources give the same figures for the
 * same device. Pure: no I/O, no globals.
 *
 * Kernel ABI: Documentation/ABI/testing/sysfs-class-power. */
#pragma once
#include <glib.h>

#include "core/report.h"

/* Raw numbers per Wh, W, Ah, A or V (a divisor: x / 1e6 is the double
 * nearest the decimal, x * 1e-6 may not be). */
#define LF_BATTERY_UNIT_MICRO 1e6   /* sysfs: µWh, µW, µAh, µA, µV */
#define LF_BATTERY_UNIT_ONE 1.0     /* UPower: Wh, W, V */

/* Everything a source can say about one battery. Numbers are NAN when the
 * source did not say or the text was not a number; strings NULL. */
typedef struct LfBatteryRaw LfBatteryRaw;
struct LfBatteryRaw {
  char *name;                 /* "BAT0" (sysfs directory / UPower native-path) */
  char *vendor, *model, *serial;
  char *technology;           /* kernel "Li-ion" or UPower "lithium-ion" */
  char *status;               /* kernel "Discharging" or UPower "discharging" */
  const char *source;         /* "sysfs" | "upower" (static) */
  double unit;                /* LF_BATTERY_UNIT_*: raw numbers per Wh, W, V */
  double energy_full_design, energy_full, energy_now, power_now;
  double charge_full_design, charge_full, charge_now, current_now;
  double voltage_min_design, voltage_now;
  double capacity;            /* percent as the firmware reports it */
  double cycle_count;         /* 0 (sysfs) or -1 (UPower) = unknown */
  double time_to_empty, time_to_full;   /* seconds, when the source gives them */
  double charge_start_threshold, charge_stop_threshold;   /* percent */
  double smbios_design_mwh;   /* SMBIOS type 22 design capacity (mWh), a fallback */
  double smbios_design_mv;    /* SMBIOS type 22 design voltage (mV), a fallback */
  /* UPower records: the same device as sysfs states it (owned, or NULL). Only
   * its units matter: the flags that say how sysfs gave the values, which
   * upowerd's converted figures no longer show. */
  LfBatteryRaw *sysfs;
};

/* Every number NAN, every string and sysfs NULL, unit micro, source "sysfs". */
void lf_battery_raw_init(LfBatteryRaw *raw);
void lf_battery_raw_clear(LfBatteryRaw *raw);

/* Fills `out` (an initialised, all-unknown LfBattery) from raw: strings are
 * copied, units converted, ratios and times computed, hostile values (NaN,
 * negative, absurdly large) dropped to unknown, and oddities recorded in
 * out->flags. Never fails. */
void lf_battery_calc(const LfBatteryRaw *raw, LfBattery *out);

/* Sorts battery->flags by name, so every source lists them alike. */
void lf_battery_sort_flags(LfBattery *battery);

/* "charging" | "discharging" | "full" | "not-charging" | "unknown" for a kernel
 * or UPower status word (case-insensitive). transfer none. */
const char *lf_battery_state_from_status(const char *status);

/* UPower-style technology id ("lithium-ion", ...) for a kernel or UPower
 * word, NULL when unknown. transfer none. */
const char *lf_battery_technology_id(const char *technology);
