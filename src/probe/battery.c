/* lf_probe_batteries(): UPower when upowerd answers on the system bus, else
 * sysfs; either way the figures come from lf_battery_calc(). */
#include <string.h>

#include "probe/battery.h"
#include "probe/probe.h"

/* Thresholds are not on UPower 0.99.20's bus interface: read them from the
 * sysfs directory named by the device's native path. */
static void add_sysfs_thresholds(const LfSysroot *root, LfBatteryRaw *raw)
{
  if (raw->name == NULL || strchr(raw->name, '/') || strcmp(raw->name, ".") == 0 ||
      strcmp(raw->name, "..") == 0)
    return;
  g_autoptr(LfBatteryRaw) sys = lf_battery_raw_new();
  lf_battery_sysfs_read_one(root, raw->name, sys);
  raw->charge_start_threshold = sys->charge_start_threshold;
  raw->charge_stop_threshold = sys->charge_stop_threshold;
}

void lf_probe_batteries(LfProbeContext *ctx, LfReport *report)
{
  g_autoptr(GPtrArray) raws = NULL;
  /* A fixture root describes another machine: the local upowerd does not. */
  if (!ctx->opts->no_upower && lf_sysroot_is_live(ctx->root)) {
    g_autoptr(GError) error = NULL;
    raws = lf_battery_upower_read(&error);
    if (raws == NULL)
      g_debug("batteries: UPower not used: %s", error->message);
    else
      for (guint i = 0; i < raws->len; i++)
        add_sysfs_thresholds(ctx->root, raws->pdata[i]);
  }
  if (raws == NULL)
    raws = lf_battery_sysfs_read(ctx->root);

  for (guint i = 0; i < raws->len; i++)
    lf_battery_calc(raws->pdata[i], lf_report_add_battery(report));
}
