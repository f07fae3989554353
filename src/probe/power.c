/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lf_probe_power(): on AC, platform profile, cpufreq driver/governor/EPP.
 * ABI: Documentation/ABI/testing/sysfs-class-power,
 * Documentation/ABI/testing/sysfs-platform_profile, admin-guide/pm/cpufreq.rst. */
#include <string.h>

#include "probe/errors.h"
#include "probe/probe.h"

#define PS_DIR "sys/class/power_supply"

/* External supplies: the mains adapter and the USB flavours (USB-C, PD...). */
static gboolean is_external_supply(const char *type)
{
  return type && (strcmp(type, "Mains") == 0 || g_str_has_prefix(type, "USB") ||
                  strcmp(type, "BrickID") == 0 || strcmp(type, "Wireless") == 0);
}

static char *ps_read(const LfSysroot *root, const char *name, const char *attr)
{
  g_autofree char *path = g_strdup_printf(PS_DIR "/%s/%s", name, attr);
  return lf_sysroot_read_string(root, path);
}

LfTri lf_power_on_ac(const LfSysroot *root)
{
  g_autoptr(GPtrArray) names = lf_sysroot_list(root, PS_DIR);
  gboolean any_supply = FALSE, any_online = FALSE, any_battery = FALSE;
  gboolean bat_charging = FALSE, bat_discharging = FALSE;
  for (guint i = 0; names && i < names->len; i++) {
    const char *name = names->pdata[i];
    g_autofree char *type = ps_read(root, name, "type");
    if (is_external_supply(type)) {
      g_autofree char *online = ps_read(root, name, "online");
      gint64 v;
      if (lf_parse_int(online, &v)) {
        any_supply = TRUE;
        any_online |= v > 0;
      }
    } else if (g_strcmp0(type, "Battery") == 0) {
      g_autofree char *scope = ps_read(root, name, "scope");
      if (g_strcmp0(scope, "Device") == 0)
        continue;
      any_battery = TRUE;
      g_autofree char *status = ps_read(root, name, "status");
      bat_charging |= g_strcmp0(status, "Charging") == 0;
      bat_discharging |= g_strcmp0(status, "Discharging") == 0;
    }
  }
  if (any_supply)
    return any_online ? LF_TRI_TRUE : LF_TRI_FALSE;
  if (!any_battery) {
    /* A running machine without a system battery is powered from outside
     * (desktop, server, VM): for power tuning that is "on AC". */
    g_debug("power: no battery and no AC adapter: assuming mains power");
    return LF_TRI_TRUE;
  }
  /* No adapter reported (some tablets, Chromebooks): the battery tells. */
  if (bat_discharging != bat_charging)
    return bat_charging ? LF_TRI_TRUE : LF_TRI_FALSE;
  return LF_TRI_UNKNOWN;
}

static void probe_on_ac(LfProbeContext *ctx, LfReport *report)
{
  report->power.on_ac = lf_power_on_ac(ctx->root);
  if (report->power.on_ac == LF_TRI_UNKNOWN)
    lf_report_add_error(report, "power",
                        LF_PE_NO_AC, PS_DIR);
}

/* A space-separated sysfs list ("performance powersave") into a strv field. */
static void read_list(const LfSysroot *root, const char *dir, const char *attr,
                      GPtrArray **field)
{
  g_autofree char *path = g_build_filename(dir, attr, NULL);
  g_autofree char *text = lf_sysroot_read_string(root, path);
  if (text == NULL)
    return;
  g_auto(GStrv) words = g_strsplit_set(text, " \t", -1);
  for (char **w = words; *w; w++)
    if (**w && !lf_strv_contains(*field, *w))
      lf_strv_add(field, *w);
}

static void probe_cpufreq(LfProbeContext *ctx, LfReport *report)
{
  static const char *const dirs[] = {
    "sys/devices/system/cpu/cpufreq/policy0",
    "sys/devices/system/cpu/cpu0/cpufreq",   /* kernels before policy dirs, or a link */
  };
  const char *dir = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS(dirs) && dir == NULL; i++) {
    g_autofree char *drv = g_build_filename(dirs[i], "scaling_driver", NULL);
    if (lf_sysroot_exists(ctx->root, drv))
      dir = dirs[i];
  }
  if (dir == NULL) {
    lf_report_add_error(report, "power", LF_PE_NO_CPUFREQ, dirs[0]);
    return;
  }
  LfCpufreq *f = &report->power.cpufreq;
  g_autofree char *drv = g_build_filename(dir, "scaling_driver", NULL);
  g_autofree char *gov = g_build_filename(dir, "scaling_governor", NULL);
  g_autofree char *epp = g_build_filename(dir, "energy_performance_preference", NULL);
  f->driver = lf_sysroot_read_string(ctx->root, drv);
  f->governor = lf_sysroot_read_string(ctx->root, gov);
  f->epp = lf_sysroot_read_string(ctx->root, epp);
  read_list(ctx->root, dir, "scaling_available_governors", &f->available_governors);
  read_list(ctx->root, dir, "energy_performance_available_preferences", &f->available_epp);
}

void lf_probe_power(LfProbeContext *ctx, LfReport *report)
{
  probe_on_ac(ctx, report);
  report->power.platform_profile =
      lf_sysroot_read_string(ctx->root, "sys/firmware/acpi/platform_profile");
  probe_cpufreq(ctx, report);
}
