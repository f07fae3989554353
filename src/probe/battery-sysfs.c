/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysfs power_supply -> LfBatteryRaw, no arithmetic.
 * ABI: Documentation/ABI/testing/sysfs-class-power. */
#include <string.h>

#include "probe/battery.h"

#define PS_DIR "sys/class/power_supply"

const char *const lf_battery_sysfs_attrs[] = {
  "manufacturer", "model_name", "serial_number", "technology", "status",
  "energy_full_design", "energy_full", "energy_now", "power_now",
  "charge_full_design", "charge_full", "charge_now", "current_now",
  "voltage_min_design", "voltage_now", "capacity", "cycle_count",
  "time_to_empty_now", "time_to_full_now",
  "charge_control_start_threshold", "charge_control_end_threshold",
  "charge_start_threshold", "charge_stop_threshold",
  NULL,
};

static void set_string(char **field, const char *text)
{
  g_free(*field);
  *field = text ? g_strdup(text) : NULL;
}

/* Decimal only: g_ascii_strtod() would also take "0x10", "inf" or "nan". */
static void set_number(double *field, const char *text)
{
  double v;
  gboolean decimal = text != NULL;
  for (const char *c = text; decimal && *c; c++)
    decimal = g_ascii_isdigit(*c) || strchr("+-.eE \t\n", *c) != NULL;
  *field = decimal && lf_parse_double(text, &v) ? v : NAN;
}

gboolean lf_battery_raw_set_attr(LfBatteryRaw *raw, const char *attr, const char *text)
{
  static const struct {
    const char *attr;
    gsize offset;
  } numbers[] = {
    { "energy_full_design", G_STRUCT_OFFSET(LfBatteryRaw, energy_full_design) },
    { "energy_full", G_STRUCT_OFFSET(LfBatteryRaw, energy_full) },
    { "energy_now", G_STRUCT_OFFSET(LfBatteryRaw, energy_now) },
    { "power_now", G_STRUCT_OFFSET(LfBatteryRaw, power_now) },
    { "charge_full_design", G_STRUCT_OFFSET(LfBatteryRaw, charge_full_design) },
    { "charge_full", G_STRUCT_OFFSET(LfBatteryRaw, charge_full) },
    { "charge_now", G_STRUCT_OFFSET(LfBatteryRaw, charge_now) },
    { "current_now", G_STRUCT_OFFSET(LfBatteryRaw, current_now) },
    { "voltage_min_design", G_STRUCT_OFFSET(LfBatteryRaw, voltage_min_design) },
    { "voltage_now", G_STRUCT_OFFSET(LfBatteryRaw, voltage_now) },
    { "capacity", G_STRUCT_OFFSET(LfBatteryRaw, capacity) },
    { "cycle_count", G_STRUCT_OFFSET(LfBatteryRaw, cycle_count) },
    { "time_to_empty_now", G_STRUCT_OFFSET(LfBatteryRaw, time_to_empty) },
    { "time_to_full_now", G_STRUCT_OFFSET(LfBatteryRaw, time_to_full) },
    { "charge_control_start_threshold", G_STRUCT_OFFSET(LfBatteryRaw, charge_start_threshold) },
    { "charge_control_end_threshold", G_STRUCT_OFFSET(LfBatteryRaw, charge_stop_threshold) },
    /* thinkpad_acpi's older names for the same two files */
    { "charge_start_threshold", G_STRUCT_OFFSET(LfBatteryRaw, charge_start_threshold) },
    { "charge_stop_threshold", G_STRUCT_OFFSET(LfBatteryRaw, charge_stop_threshold) },
  };
  if (attr == NULL)
    return FALSE;
  if (strcmp(attr, "manufacturer") == 0)
    set_string(&raw->vendor, text);
  else if (strcmp(attr, "model_name") == 0)
    set_string(&raw->model, text);
  else if (strcmp(attr, "serial_number") == 0)
    set_string(&raw->serial, text);
  else if (strcmp(attr, "technology") == 0)
    set_string(&raw->technology, text);
  else if (strcmp(attr, "status") == 0)
    set_string(&raw->status, text);
  else {
    for (gsize i = 0; i < G_N_ELEMENTS(numbers); i++) {
      if (strcmp(attr, numbers[i].attr) == 0) {
        set_number(G_STRUCT_MEMBER_P(raw, numbers[i].offset), text);
        return TRUE;
      }
    }
    return FALSE;
  }
  return TRUE;
}

LfBatteryRaw *lf_battery_raw_new(void)
{
  LfBatteryRaw *raw = g_new(LfBatteryRaw, 1);
  lf_battery_raw_init(raw);
  return raw;
}

void lf_battery_raw_free(LfBatteryRaw *raw)
{
  if (raw == NULL)
    return;
  lf_battery_raw_clear(raw);
  g_free(raw);
}

static char *attr_path(const char *name, const char *attr)
{
  return g_strdup_printf(PS_DIR "/%s/%s", name, attr);
}

void lf_battery_sysfs_read_one(const LfSysroot *root, const char *name, LfBatteryRaw *raw)
{
  for (const char *const *a = lf_battery_sysfs_attrs; *a; a++) {
    g_autofree char *path = attr_path(name, *a);
    g_autofree char *text = lf_sysroot_read_string(root, path);
    /* Optional attributes stay unknown; the thinkpad aliases must not
     * overwrite a standard threshold that was already read. */
    if (text == NULL)
      continue;
    if ((strcmp(*a, "charge_start_threshold") == 0 && !isnan(raw->charge_start_threshold)) ||
        (strcmp(*a, "charge_stop_threshold") == 0 && !isnan(raw->charge_stop_threshold)))
      continue;
    lf_battery_raw_set_attr(raw, *a, text);
  }
}

GPtrArray *lf_battery_sysfs_read(const LfSysroot *root)
{
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)lf_battery_raw_free);
  g_autoptr(GPtrArray) names = lf_sysroot_list(root, PS_DIR);
  for (guint i = 0; names && i < names->len; i++) {
    const char *name = names->pdata[i];
    g_autofree char *type_path = attr_path(name, "type");
    g_autofree char *type = lf_sysroot_read_string(root, type_path);
    if (g_strcmp0(type, "Battery") != 0)
      continue;
    /* Mice, keyboards, headsets: batteries that do not power the system. */
    g_autofree char *scope_path = attr_path(name, "scope");
    g_autofree char *scope = lf_sysroot_read_string(root, scope_path);
    if (g_strcmp0(scope, "Device") == 0) {
      g_debug("power_supply %s: scope Device, not a system battery", name);
      continue;
    }
    /* An empty bay (a removable second battery taken out) keeps its directory. */
    g_autofree char *present_path = attr_path(name, "present");
    gint64 present = 1;
    if (lf_sysroot_read_int(root, present_path, &present) && present == 0) {
      g_debug("power_supply %s: not present", name);
      continue;
    }
    LfBatteryRaw *raw = lf_battery_raw_new();
    raw->name = g_strdup(name);
    lf_battery_sysfs_read_one(root, name, raw);
    g_ptr_array_add(out, raw);
  }
  return out;
}
