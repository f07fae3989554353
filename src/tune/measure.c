/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tune measure: the battery's discharge rate under one profile, then another.
 *
 * Readings come from the probe's battery reader (lf_battery_read): UPower's
 * energy rate where upowerd answers, sysfs power_supply otherwise (power_now, or current_now x
 * voltage; Documentation/ABI/testing/sysfs-class-power), converted by the one
 * battery calculation (probe/battery-calc.c). Several batteries are summed.
 * A copy of a machine (--root DIR) asks UPower only on a test's private bus
 * (DBUS_SYSTEM_BUS_ADDRESS), as the daemon switch does. */
#include "tune/tune.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/error.h"
#include "core/report.h"
#include "probe/battery.h"

static void add(double *sum, double v)
{
  if (lf_known_num(v))
    *sum = (isnan(*sum) ? 0 : *sum) + v;
}

gboolean lf_power_sample(const LfSysroot *root, LfPowerSample *sample, GError **error)
{
  LfPowerSample s = { g_get_monotonic_time(), NAN, NAN, FALSE, "sysfs" };
  /* A copy of a machine (--root) asks UPower only on a test's private bus. */
  gboolean ask_upower = lf_sysroot_is_live(root) || g_getenv("DBUS_SYSTEM_BUS_ADDRESS") != NULL;
  g_autoptr(GPtrArray) raws = lf_battery_read(root, ask_upower);
  if (raws->len == 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("no battery below '%s': nothing to measure"), lf_sysroot_dir(root));
    return FALSE;
  }
  s.source = ((const LfBatteryRaw *)raws->pdata[0])->source;
  for (guint i = 0; i < raws->len; i++) {
    LfBattery *b = lf_struct_new(&lf_battery_desc);
    lf_battery_calc(raws->pdata[i], b);
    s.discharging |= g_strcmp0(b->state, "discharging") == 0;
    add(&s.power_w, fabs(b->power_w));   /* some firmware reports discharge as negative */
    add(&s.energy_wh, b->now_wh);
    lf_struct_free(&lf_battery_desc, b);
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

void lf_power_window_summarise(const LfPowerSample *samples, guint n, LfPowerWindow *out)
{
  LfPowerWindow w = { NAN, NAN, NAN, n, n ? samples[0].source : "sysfs" };
  if (n == 0) {
    *out = w;
    return;
  }
  w.energy_wh = samples[n - 1].energy_wh;
  /* The energy counter when it moved over the window, else the mean rate. */
  double mean = 0, m2 = 0;
  guint k = 0;
  for (guint i = 0; i < n; i++) {
    if (!samples[i].discharging || isnan(samples[i].power_w))
      continue;
    k++;
    double d = samples[i].power_w - mean;   /* Welford */
    mean += d / k;
    m2 += d * (samples[i].power_w - mean);
  }
  /* The energy used over the window when the counter fell, else the mean of
   * the readings (a counter that never moves, or none: not just two readings). */
  double first = samples[0].energy_wh, last = samples[n - 1].energy_wh;
  gboolean fell = !isnan(first) && !isnan(last) && first > last;
  double between = lf_power_between(&samples[0], &samples[n - 1]);
  w.watts = k > 0 && (isnan(between) || !fell) ? mean : between;
  if (k >= 2)
    w.spread_w = sqrt(m2 / (k - 1));
  *out = w;
}

gboolean lf_power_window(const LfSysroot *root, guint seconds, LfStopFunc stop,
                         LfPowerWindow *out, GError **error)
{
  g_autoptr(GArray) samples = g_array_new(FALSE, TRUE, sizeof(LfPowerSample));
  gint64 end = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;
  for (;;) {
    LfPowerSample s;
    if (!lf_power_sample(root, &s, error))
      return FALSE;
    g_array_append_val(samples, s);
    gint64 left = end - g_get_monotonic_time();
    if (left <= 0)
      break;
    if (stop && stop()) {
      g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("measuring interrupted"));
      return FALSE;
    }
    g_usleep((gulong)MIN(left, LF_MEASURE_INTERVAL_US));
  }
  lf_power_window_summarise((const LfPowerSample *)(void *)samples->data, samples->len, out);
  return TRUE;
}

/* --- the result in words (CLI and TUI) ---------------------------------- */

static char *watts_text(const LfPowerWindow *w)
{
  if (isnan(w->watts))
    return g_strdup(_("unknown (not discharging?)"));
  if (isnan(w->spread_w))
    /* TRANSLATORS: watts, number of readings, source (upower or sysfs) */
    return g_strdup_printf(ngettext("%.2f W (%u reading, %s)", "%.2f W (%u readings, %s)",
                                    w->samples),
                           w->watts, w->samples, w->source);
  /* TRANSLATORS: watts, their standard deviation, number of readings, source */
  return g_strdup_printf(ngettext("%.2f W (± %.2f W, %u reading, %s)",
                                  "%.2f W (± %.2f W, %u readings, %s)", w->samples),
                         w->watts, w->spread_w, w->samples, w->source);
}

static char *hours_text(double h)
{
  long min = lround(h * 60.0);
  /* TRANSLATORS: hours and minutes of battery time */
  return g_strdup_printf(_("%ld h %02ld min"), min / 60, min % 60);
}

char *lf_power_measure_summary(const char *name, const LfPowerWindow *before,
                               const LfPowerWindow *after)
{
  GString *out = g_string_new(NULL);
  g_autofree char *bw = watts_text(before);
  g_string_append_printf(out, _("Battery draw before: %s\n"), bw);
  if (name == NULL)
    return g_string_free(out, FALSE);
  g_autofree char *aw = watts_text(after);
  g_string_append_printf(out, _("Battery draw with %s: %s\n"), name, aw);
  if (isnan(before->watts) || isnan(after->watts) || before->watts <= 0 || after->watts <= 0)
    return g_string_free(out, FALSE);
  double saved = before->watts - after->watts;
  g_string_append_printf(out, _("Saves %.2f W (%.0f %%).\n"), saved,
                         saved / before->watts * 100.0);
  if (isnan(after->energy_wh))
    return g_string_free(out, FALSE);
  double hb = after->energy_wh / before->watts, ha = after->energy_wh / after->watts;
  g_autofree char *tb = hours_text(hb), *ta = hours_text(ha), *tg = hours_text(fabs(ha - hb));
  /* TRANSLATORS: Wh left; time at the old draw; time at the new draw; the difference */
  g_string_append_printf(out,
                         ha >= hb ? _("On the %.1f Wh left: %s instead of %s, %s more.\n")
                                  : _("On the %.1f Wh left: %s instead of %s, %s less.\n"),
                         after->energy_wh, ta, tb, tg);
  return g_string_free(out, FALSE);
}
