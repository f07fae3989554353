/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Battery raw -> calc with hostile values. Two input modes:
 * - text: "attr=value" lines, as the sysfs reader hands them over
 *   (lf_battery_raw_set_attr), e.g. "energy_now=-1e308";
 * - binary (first byte 0): the rest is raw doubles copied into the numeric
 *   fields, as a D-Bus source could deliver them (NaN, inf, negatives). */
#include <string.h>

#include "fuzz.h"
#include "probe/battery.h"

static void fill_binary(LfBatteryRaw *raw, const uint8_t *data, size_t size)
{
  double *nums[] = {
    &raw->unit, &raw->energy_full_design, &raw->energy_full, &raw->energy_now,
    &raw->power_now, &raw->charge_full_design, &raw->charge_full, &raw->charge_now,
    &raw->current_now, &raw->voltage_min_design, &raw->voltage_now, &raw->capacity,
    &raw->cycle_count, &raw->time_to_empty, &raw->time_to_full,
    &raw->charge_start_threshold, &raw->charge_stop_threshold, &raw->smbios_design_mwh,
  };
  raw->source = "upower";
  raw->status = g_strdup("discharging");
  for (size_t i = 0; i < G_N_ELEMENTS(nums) && (i + 1) * sizeof(double) <= size; i++)
    memcpy(nums[i], data + i * sizeof(double), sizeof(double));
}

static void fill_text(LfBatteryRaw *raw, const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup((const char *)data, size);   /* stops at a NUL */
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  for (char **l = lines; *l; l++) {
    char *eq = strchr(*l, '=');
    if (eq == NULL)
      continue;
    *eq = '\0';
    lf_battery_raw_set_attr(raw, *l, eq + 1);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  LfBatteryRaw raw;
  lf_battery_raw_init(&raw);
  raw.name = g_strdup("BAT0");
  if (size > 0 && data[0] == 0)
    fill_binary(&raw, data + 1, size - 1);
  else
    fill_text(&raw, data, size);
  LfBattery *out = lf_struct_new(&lf_battery_desc);
  lf_battery_calc(&raw, out);
  /* Invariants: what is known is finite and in range. */
  if (lf_known_num(out->percent) && (out->percent < 0 || out->percent > 100))
    __builtin_trap();
  if (lf_known_num(out->power_w) && !(out->power_w >= 0))
    __builtin_trap();
  if (lf_known_int(out->time_to_empty_s) && out->time_to_empty_s <= 0)
    __builtin_trap();
  lf_struct_free(&lf_battery_desc, out);
  lf_battery_raw_clear(&raw);
  return 0;
}
