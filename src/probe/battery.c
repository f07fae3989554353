/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one battery reader (lf_battery_read: UPower when upowerd answers on the
 * system bus, else sysfs) and lf_probe_batteries(); either way the figures
 * come from one lf_battery_calc() per battery. */
#include <string.h>

#include "probe/battery.h"
#include "probe/probe.h"
#include "probe/smbios.h"

static gboolean known(double v)
{
  return !isnan(v);
}

/* upowerd reads the same sysfs directory (named by the native path); a few
 * facts are lost on the bus and are taken from there:
 * - charge thresholds: not on upowerd 0.99.20's interface at all;
 * - charge units without any voltage: upowerd invents one (10 V) and
 *   publishes Wh that are guesses; keep the µAh so the maths says unknown;
 * - a missing design capacity: upowerd publishes 0, which would read as
 *   "design-zero";
 * - QUIRK: a negative power_now/current_now: upowerd publishes |rate|. */
static LfBatteryRaw *add_sysfs_facts(const LfSysroot *root, LfBatteryRaw *raw)
{
  if (raw->name == NULL || strchr(raw->name, '/') || strcmp(raw->name, ".") == 0 ||
      strcmp(raw->name, "..") == 0)
    return NULL;
  g_autofree char *type = g_strdup_printf("sys/class/power_supply/%s/type", raw->name);
  if (!lf_sysroot_exists(root, type))
    return NULL;   /* not a sysfs battery (or another root): nothing to add */
  g_autoptr(LfBatteryRaw) sys = lf_battery_raw_new();
  lf_battery_sysfs_read_one(root, raw->name, sys);
  raw->charge_start_threshold = sys->charge_start_threshold;
  raw->charge_stop_threshold = sys->charge_stop_threshold;
  /* upowerd before VoltageMinDesign (1.90.5) does not publish it. */
  if (!(raw->voltage_min_design > 0) && sys->voltage_min_design > 0)
    raw->voltage_min_design = sys->voltage_min_design / sys->unit;
  gboolean charge_units = !known(sys->energy_full) && !known(sys->energy_now) &&
                          (known(sys->charge_full) || known(sys->charge_now));
  gboolean no_voltage = !(sys->voltage_min_design > 0) && !(sys->voltage_now > 0);
  if (charge_units && no_voltage) {
    raw->energy_full_design = raw->energy_full = raw->energy_now = raw->power_now = NAN;
    raw->unit = sys->unit;
    raw->voltage_min_design = NAN;   /* in volts, not in sys->unit */
    raw->charge_full_design = sys->charge_full_design;
    raw->charge_full = sys->charge_full;
    raw->charge_now = sys->charge_now;
    raw->current_now = sys->current_now;
    raw->capacity = sys->capacity;
    raw->time_to_empty = sys->time_to_empty;   /* upowerd's came from the guess */
    raw->time_to_full = sys->time_to_full;
  }
  if (!known(sys->energy_full_design) && !known(sys->charge_full_design))
    raw->energy_full_design = NAN;
  double sys_rate = known(sys->power_now) ? sys->power_now : sys->current_now;
  if (sys_rate < 0 && raw->power_now > 0)
    raw->power_now = -raw->power_now;
  return g_steal_pointer(&sys);
}

/* A battery only SMBIOS type 22 knows (a saved machine, or firmware that
 * lists a bay the kernel does not): its design figures, no charge state, so
 * health stays unknown. */
static void add_smbios_battery(LfReport *report, const LfSmbiosBattery *sb)
{
  if (sb == NULL)
    return;
  LfBattery *b = lf_report_add_battery(report);
  b->name = g_strdup(sb->name != NULL ? sb->name : sb->location);
  if (!lf_smbios_is_placeholder(sb->manufacturer))
    b->vendor = g_strdup(sb->manufacturer);
  b->technology = g_strdup(sb->technology);
  if (lf_known_int(sb->design_capacity_mwh) && sb->design_capacity_mwh > 0)
    b->design_wh = sb->design_capacity_mwh / 1000.0;
  if (lf_known_int(sb->design_voltage_mv) && sb->design_voltage_mv > 0)
    b->design_voltage_v = sb->design_voltage_mv / 1000.0;
  b->state = g_strdup("unknown");
  b->source = g_strdup("smbios");
  lf_strv_add(&b->flags, "smbios-only");
}

/* UPower's records, each with the facts only sysfs has merged in and its
 * sysfs record attached, or NULL when no upowerd answers. */
static GPtrArray *read_upower(const LfSysroot *root)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *raws = lf_battery_upower_read(&error);
  if (raws == NULL) {
    g_debug("batteries: UPower not used: %s", error->message);
    return NULL;
  }
  for (guint i = 0; i < raws->len; i++) {
    LfBatteryRaw *raw = raws->pdata[i];
    raw->sysfs = add_sysfs_facts(root, raw);
  }
  return raws;
}

GPtrArray *lf_battery_read(const LfSysroot *root, gboolean ask_upower)
{
  GPtrArray *raws = ask_upower ? read_upower(root) : NULL;
  if (raws != NULL && raws->len > 0)
    return raws;
  /* No upowerd, or one that lists no battery yet (just started): sysfs. */
  g_clear_pointer(&raws, g_ptr_array_unref);
  return lf_battery_sysfs_read(root);
}

void lf_probe_batteries(LfProbeContext *ctx, LfReport *report)
{
  /* A fixture root describes another machine: the local upowerd does not. */
  g_autoptr(GPtrArray) raws =
      lf_battery_read(ctx->root, !ctx->opts->no_upower && lf_sysroot_is_live(ctx->root));

  /* SMBIOS type 22 records list the bays in the firmware's order, as the
   * kernel names BAT0, BAT1...: pair them only when the counts agree. */
  guint n_smbios = lf_smbios_battery_count(ctx->smbios);
  for (guint i = 0; i < raws->len && n_smbios == raws->len; i++) {
    const LfSmbiosBattery *sb = lf_smbios_battery_get(ctx->smbios, i);
    LfBatteryRaw *raw = raws->pdata[i];
    if (sb && lf_known_int(sb->design_capacity_mwh))
      raw->smbios_design_mwh = (double)sb->design_capacity_mwh;
    if (sb && lf_known_int(sb->design_voltage_mv))
      raw->smbios_design_mv = (double)sb->design_voltage_mv;
  }

  for (guint i = 0; i < raws->len; i++)
    lf_battery_calc(raws->pdata[i], lf_report_add_battery(report));
  if (raws->len == 0)
    for (guint i = 0; i < n_smbios; i++)
      add_smbios_battery(report, lf_smbios_battery_get(ctx->smbios, i));
}

GPtrArray *lf_probe_batteries_refresh(const LfProbeOptions *opts, GError **error)
{
  char *tmpdir = NULL;
  LfSysroot *root = lf_probe_root_open(opts, &tmpdir, error);
  if (root == NULL)
    return NULL;
  LfProbeContext ctx = { .opts = opts, .root = root, .smbios = NULL };
  g_autoptr(LfReport) fresh = lf_report_new();
  lf_probe_batteries(&ctx, fresh);
  lf_probe_root_close(root, tmpdir);
  return g_steal_pointer(&fresh->batteries);
}
