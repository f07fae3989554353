/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysfs power_supply -> LfBatteryRaw, no arithmetic.
 * ABI: Documentation/ABI/testing/sysfs-class-power. */
#include <string.h>

#include "probe/battery.h"

#define PS_DIR "sys/class/power_supply"

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
