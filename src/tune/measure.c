/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tune measure: the batteries' power draw and stored energy over time, read
 * and computed by the probe's battery reader and calculation (sysfs only:
 * the same device filter, units and sanity rules as the report). Several
 * batteries are summed. */
#include "tune/tune.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/error.h"
#include "probe/battery.h"

static void add(double *sum, double v)
{
  if (lf_known_num(v))
    *sum = (isnan(*sum) ? 0 : *sum) + v;
}

gboolean lf_power_sample(const LfSysroot *root, LfPowerSample *sample, GError **error)
{
  LfPowerSample s = { g_get_monotonic_time(), NAN, NAN, FALSE };
  g_autoptr(GPtrArray) raws = lf_battery_sysfs_read(root);
  for (guint i = 0; i < raws->len; i++) {
    LfBattery *b = lf_struct_new(&lf_battery_desc);
    lf_battery_calc(raws->pdata[i], b);
    s.discharging |= g_strcmp0(b->state, "discharging") == 0;
    add(&s.power_w, b->power_w);
    add(&s.energy_wh, b->now_wh);
    lf_struct_free(&lf_battery_desc, b);
  }
  if (raws->len == 0) {
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
