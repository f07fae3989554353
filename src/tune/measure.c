/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tune measure: battery power draw from sysfs power_supply (ABI:
 * Documentation/ABI/testing/sysfs-class-power): power_now in µW, or
 * current_now (µA) x voltage_now (µV); energy_now in µWh, or charge_now (µAh)
 * x voltage_now. Several batteries are summed. */
#include "tune/tune.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/error.h"

static double read_num(const LfSysroot *root, const char *dir, const char *attr)
{
  g_autofree char *rel = g_strdup_printf("%s/%s", dir, attr);
  double v;
  return lf_sysroot_read_double(root, rel, &v) ? v : NAN;
}

gboolean lf_power_sample(const LfSysroot *root, LfPowerSample *sample, GError **error)
{
  LfPowerSample s = { g_get_monotonic_time(), NAN, NAN, FALSE };
  g_autoptr(GPtrArray) names = lf_sysroot_list(root, "sys/class/power_supply");
  guint batteries = 0;
  for (guint i = 0; names && i < names->len; i++) {
    g_autofree char *dir = g_strdup_printf("sys/class/power_supply/%s", (char *)names->pdata[i]);
    g_autofree char *tp = g_strconcat(dir, "/type", NULL);
    g_autofree char *type = lf_sysroot_read_string(root, tp);
    if (type == NULL || !g_str_equal(type, "Battery"))
      continue;
    g_autofree char *pp = g_strconcat(dir, "/present", NULL);
    gint64 present = 1;
    if (lf_sysroot_read_int(root, pp, &present) && present == 0)
      continue;
    batteries++;
    g_autofree char *sp = g_strconcat(dir, "/status", NULL);
    g_autofree char *status = lf_sysroot_read_string(root, sp);
    if (status && g_str_equal(status, "Discharging"))
      s.discharging = TRUE;
    double volt = read_num(root, dir, "voltage_now");
    double power = read_num(root, dir, "power_now");
    if (isnan(power))
      power = read_num(root, dir, "current_now") * volt / 1e6;
    double energy = read_num(root, dir, "energy_now");
    if (isnan(energy))
      energy = read_num(root, dir, "charge_now") * volt / 1e6;
    /* |rate|: some firmware reports discharge as negative. */
    if (!isnan(power))
      s.power_w = (isnan(s.power_w) ? 0 : s.power_w) + fabs(power) / 1e6;
    if (!isnan(energy))
      s.energy_wh = (isnan(s.energy_wh) ? 0 : s.energy_wh) + energy / 1e6;
  }
  if (batteries == 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("no battery below '%s': nothing to measure"), lf_sysroot_dir(root));
    return FALSE;
  }
  *sample = s;
  return TRUE;
}

double lf_power_between(const LfPowerSample *a, const LfPowerSample *b)
{
  if (!a->discharging && !b->discharging)
    return NAN;   /* on AC the battery rate is not the machine's draw */
  double dt_h = (double)(b->time_us - a->time_us) / 1e6 / 3600.0;
  if (dt_h > 0 && !isnan(a->energy_wh) && !isnan(b->energy_wh) && a->energy_wh > b->energy_wh)
    return (a->energy_wh - b->energy_wh) / dt_h;
  /* Energy did not move (coarse ACPI updates): the instantaneous readings. */
  if (!isnan(a->power_w) && !isnan(b->power_w))
    return (a->power_w + b->power_w) / 2.0;
  if (!isnan(b->power_w))
    return b->power_w;
  return a->power_w;
}
