/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Battery charge limits: which vendor driver provides them and what values it
 * takes. The battery's charge_control_{start,end}_threshold files are created
 * by a vendor driver's battery hook; its rules come from the kernel's docs:
 *
 *   thinkpad_acpi      Documentation/admin-guide/laptops/thinkpad-acpi.rst
 *                      ("Battery charge control"): start 0..99, end 1..100
 *   asus-nb-wmi        drivers/platform/x86/asus-wmi.c battery hook: end only, 0..100
 *   lg-laptop          ABI/testing/sysfs-platform-lg-laptop (battery_care_limit):
 *                      80 or 100; the battery's end threshold takes the same
 *   huawei-wmi         ABI/testing/sysfs-platform-huawei-wmi (charge_control_thresholds):
 *                      start < end, 0..100
 *   dell-laptop        ABI/testing/sysfs-class-power (charge_types, Linux 6.12): the
 *                      thresholds apply in the Custom mode; start 50..95, end 55..100,
 *                      end at least start + 5 (the BIOS's limits; wilco's doc: the same)
 *   cros-charge-control  Framework laptops' EC (drivers/power/supply/cros_charge-control.c):
 *                      start and end 0..100
 *   system76_acpi      drivers/platform/x86/system76_acpi.c: start 0..99, end 1..100
 *   msi-ec             drivers/platform/x86/msi-ec.c: end 10..100; the EC keeps start
 *                      10 below end by itself
 *   toshiba_acpi       drivers/platform/x86/toshiba_acpi.c, ABI/testing/sysfs-class-power
 *                      ("may not support all values"): end 80 or 100, others rounded
 *   fujitsu-laptop     drivers/platform/x86/fujitsu-laptop.c (Linux 6.9): end 50..100
 *   samsung-galaxybook admin-guide/laptops/samsung-galaxybook.rst (Linux 6.15): end 1..100
 *
 * system76_acpi and toshiba_acpi are ACPI drivers: sysfs names their directory
 * under sys/bus/acpi/drivers after the driver's .name, not the module.
 *
 * Knobs of their own (they follow the profile's charge_stop_threshold):
 *   ideapad_acpi       ABI/testing/sysfs-platform-ideapad-laptop (conservation_mode, 0/1)
 *   samsung-laptop     ABI/testing/sysfs-driver-samsung-laptop (battery_life_extender, 0/1)
 *   sony-laptop        admin-guide/laptops/sony-laptop.rst (battery_care_limiter:
 *                      0 off, 50, 80, 100)
 *   lg-laptop          battery_care_limit (80, 100) */
#include "tune/tune.h"

#include "core/error.h"

static const gint64 lg_values[] = { 80, 100, 0 };

static const LfChargeRule rules[] = {
  /* driver              bus         sysfs dir (NULL: driver)  start     stop      values     gap */
  { "thinkpad_acpi",       "platform", NULL,                   0, 99,   1, 100,    NULL,      1 },
  { "asus-nb-wmi",         "platform", NULL,                   -1, -1,  0, 100,    NULL,      0 },
  { "lg-laptop",           "platform", NULL,                   -1, -1,  80, 100,   lg_values, 0 },
  { "huawei-wmi",          "platform", NULL,                   0, 99,   1, 100,    NULL,      1 },
  { "dell-laptop",         "platform", NULL,                   50, 95,  55, 100,   NULL,      5 },
  { "cros-charge-control", "platform", NULL,                   0, 99,   1, 100,    NULL,      1 },
  { "system76_acpi",       "acpi",     "System76 ACPI Driver", 0, 99,   1, 100,    NULL,      1 },
  { "msi-ec",              "platform", NULL,                   -1, -1,  10, 100,   NULL,      0 },
  { "toshiba_acpi",        "acpi",     "Toshiba ACPI driver",  -1, -1,  80, 100,   lg_values, 0 },
  { "fujitsu-laptop",      "platform", NULL,                   -1, -1,  50, 100,   NULL,      0 },
  { "samsung-galaxybook",  "platform", NULL,                   -1, -1,  1, 100,    NULL,      0 },
};

/* No known vendor driver: sysfs-class-power's 0..100, start below end. */
static const LfChargeRule generic = { NULL, NULL, NULL, 0, 99, 1, 100, NULL, 1 };

const LfChargeRule *lf_charge_rule_detect(const LfSysroot *root)
{
  for (gsize i = 0; i < G_N_ELEMENTS(rules); i++) {
    g_autofree char *rel = g_strdup_printf("sys/bus/%s/drivers/%s", rules[i].bus,
                                           rules[i].sysfs_name ? rules[i].sysfs_name
                                                               : rules[i].driver);
    if (lf_sysroot_is_dir(root, rel))
      return &rules[i];
  }
  return &generic;
}

gint64 lf_charge_rule_fit(const LfChargeRule *rule, gboolean start, gint64 want)
{
  if (start)
    return CLAMP(want, rule->start_min, rule->start_max);
  if (rule->stop_values) {
    /* The smallest accepted value that charges at least as far as asked. */
    for (const gint64 *v = rule->stop_values; *v; v++)
      if (*v >= want)
        return *v;
    return rule->stop_max;
  }
  return CLAMP(want, rule->stop_min, rule->stop_max);
}

char *lf_charge_rule_describe(const LfChargeRule *rule)
{
  const char *name = rule->driver ? rule->driver : "generic";
  g_autofree char *stop = NULL;
  if (rule->stop_values) {
    GString *s = g_string_new(NULL);
    for (const gint64 *v = rule->stop_values; *v; v++)
      g_string_append_printf(s, "%s%" G_GINT64_FORMAT, v == rule->stop_values ? "" : "/", *v);
    stop = g_string_free(s, FALSE);
  } else {
    stop = g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, rule->stop_min,
                           rule->stop_max);
  }
  if (rule->start_max < 0)
    return g_strdup_printf("%s: stop %s", name, stop);
  g_autofree char *gap = rule->gap > 1 ? g_strdup_printf(", gap %" G_GINT64_FORMAT, rule->gap)
                                       : g_strdup("");
  return g_strdup_printf("%s: start %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ", stop %s%s", name,
                         rule->start_min, rule->start_max, stop, gap);
}

/* The value of a vendor charge knob that follows charge_stop_threshold. */
char *lf_charge_follow(const char *knob_id, const char *stop_value)
{
  gint64 stop = 0;
  if (stop_value == NULL || !lf_parse_int(stop_value, &stop))
    return NULL;
  /* IdeaPad and Samsung have one battery-care switch (about 60 or 80 %): any
   * limit below 100 turns it on, as TLP's STOP_CHARGE_THRESH does. */
  if (g_str_equal(knob_id, "charge_ideapad_conservation") ||
      g_str_equal(knob_id, "charge_samsung_life_extender"))
    return g_strdup(stop < 100 ? "1" : "0");
  if (g_str_equal(knob_id, "charge_sony_care_limiter"))
    return g_strdup(stop <= 50 ? "50" : stop <= 80 ? "80" : "100");
  if (g_str_equal(knob_id, "charge_lg_care_limit"))
    return g_strdup(stop <= 80 ? "80" : "100");
  return NULL;
}
