/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Batteries and power read from the fixture machines' sysroots and from
 * hostile trees written on the fly. */
#include <glib/gstdio.h>

#include "probe/battery.h"
#include "probe/probe.h"
#include "probe/smbios.h"

static LfReport *probe_root(const char *root_dir, gboolean batteries, gboolean power)
{
  g_autoptr(GError) error = NULL;
  LfProbeOptions opts = { .root = root_dir, .no_upower = FALSE };
  g_autoptr(LfSysroot) root = lf_sysroot_new(root_dir, &error);
  g_assert_no_error(error);
  LfProbeContext ctx = { .opts = &opts, .root = root };
  LfReport *report = lf_report_new();
  if (batteries)
    lf_probe_batteries(&ctx, report);
  if (power)
    lf_probe_power(&ctx, report);
  return report;
}

static LfReport *probe_machine(const char *machine)
{
  g_autofree char *dir = g_build_filename(LF_TEST_FIXTURES, "machines", machine, "sysroot", NULL);
  return probe_root(dir, TRUE, TRUE);
}

static LfBattery *bat(LfReport *r, guint i)
{
  g_assert_nonnull(r->batteries);
  g_assert_cmpuint(i, <, r->batteries->len);
  return r->batteries->pdata[i];
}

#define assert_num(a, b) g_assert_cmpfloat_with_epsilon((a), (b), 1e-9)

static void test_thinkpad_two(void)
{
  g_autoptr(LfReport) r = probe_machine("thinkpad-two-batteries");
  g_assert_cmpuint(r->batteries->len, ==, 2);
  LfBattery *b0 = bat(r, 0), *b1 = bat(r, 1);
  g_assert_cmpstr(b0->name, ==, "BAT0");
  g_assert_cmpstr(b0->state, ==, "unknown");
  assert_num(b0->design_wh, 24.05);
  g_assert_cmpint(b0->charge_start_threshold, ==, 75);
  g_assert_cmpint(b0->charge_stop_threshold, ==, 80);
  g_assert_cmpstr(b1->name, ==, "BAT1");
  g_assert_cmpstr(b1->state, ==, "discharging");
  assert_num(b1->health_pct, 81.97);
  g_assert_cmpint(b1->cycles, ==, 486);
  g_assert_cmpint(b1->time_to_empty_s, ==, 13377);
  g_assert_cmpint(b1->charge_stop_threshold, ==, 80);
  g_assert_cmpstr(b1->source, ==, "sysfs");
  g_assert_cmpint(r->power.on_ac, ==, LF_TRI_FALSE);
  g_assert_cmpstr(r->power.platform_profile, ==, "low-power");
  g_assert_cmpstr(r->power.cpufreq.driver, ==, "intel_pstate");
  g_assert_cmpstr(r->power.cpufreq.epp, ==, "balance_power");
  g_assert_true(lf_strv_contains(r->power.cpufreq.available_epp, "power"));
}

static void test_worn_energy(void)
{
  g_autoptr(LfReport) r = probe_machine("pentium-m-2005");
  LfBattery *b = bat(r, 0);
  assert_num(b->design_wh, 51.84);
  assert_num(b->full_wh, 31.1);
  assert_num(b->health_pct, 59.99);
  g_assert_false(lf_known_int(b->cycles));       /* _BIF: cycle_count 0 */
  g_assert_true(lf_strv_contains(b->flags, "cycles-unknown"));
  g_assert_cmpstr(r->power.cpufreq.driver, ==, "acpi-cpufreq");
  g_assert_null(r->power.cpufreq.epp);
  g_assert_null(r->power.platform_profile);
}

static void test_charge_units(void)
{
  g_autoptr(LfReport) r = probe_machine("atom-n270-netbook");
  LfBattery *b = bat(r, 0);
  assert_num(b->design_wh, 48.84);              /* 6.6 Ah x 7.4 V */
  assert_num(b->health_pct, 90);
  assert_num(b->power_w, 6.29);                 /* 0.85 A x 7.4 V */
  g_assert_null(b->serial);                     /* empty serial_number */
  g_autoptr(LfReport) d = probe_machine("core2duo-2008");
  g_assert_cmpstr(bat(d, 0)->state, ==, "full");
  g_assert_cmpint(d->power.on_ac, ==, LF_TRI_TRUE);
}

static void test_health_over_100(void)
{
  g_autoptr(LfReport) r = probe_machine("meteorlake-2024");
  LfBattery *b = bat(r, 0);
  assert_num(b->health_pct, 101.64);
  g_assert_true(lf_strv_contains(b->flags, "health-over-100"));
  g_assert_cmpint(b->time_to_full_s, ==, 2020);
}

static void test_thresholds_reached(void)
{
  g_autoptr(LfReport) r = probe_machine("raptorlake-u-2023");
  LfBattery *b = bat(r, 0);
  g_assert_cmpstr(b->state, ==, "not-charging");
  g_assert_cmpint(b->charge_start_threshold, ==, 75);
  g_assert_cmpint(b->charge_stop_threshold, ==, 80);
  g_assert_cmpint(r->power.on_ac, ==, LF_TRI_TRUE);
  g_autoptr(LfReport) z = probe_machine("ryzen-4000-2020");
  g_assert_cmpstr(z->power.cpufreq.driver, ==, "amd-pstate-epp");
  g_assert_cmpstr(z->power.platform_profile, ==, "balanced");
}

static void test_desktop(void)
{
  g_autoptr(LfReport) r = probe_machine("desktop-no-battery");
  g_assert_true(r->batteries == NULL || r->batteries->len == 0);
  /* Runs without a battery: powered from outside. */
  g_assert_cmpint(r->power.on_ac, ==, LF_TRI_TRUE);
  g_assert_cmpstr(r->power.cpufreq.driver, ==, "intel_pstate");
  g_assert_null(r->power.cpufreq.epp);
}

/* --- hostile trees ------------------------------------------------------ */

static void put(const char *root, const char *rel, const char *data)
{
  g_autofree char *path = g_build_filename(root, rel, NULL);
  g_autofree char *dir = g_path_get_dirname(path);
  g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
  g_assert_true(g_file_set_contents(path, data, -1, NULL));
}

static void rm_rf(const char *dir)
{
  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
  g_assert_cmpint(system(cmd), ==, 0);
}

static void put_attr(const char *root, const char *dev, const char *attr, const char *val)
{
  g_autofree char *rel = g_strdup_printf("sys/class/power_supply/%s/%s", dev, attr);
  put(root, rel, val);
}

static void test_hostile_tree(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-battery-XXXXXX", NULL);
#define PUT(dev, attr, val) put_attr(dir, dev, attr, val)
  /* A mouse, an empty bay, and a battery full of garbage. */
  PUT("hidpp_battery_0", "type", "Battery\n");
  PUT("hidpp_battery_0", "scope", "Device\n");
  PUT("hidpp_battery_0", "capacity", "40\n");
  PUT("BAT1", "type", "Battery\n");
  PUT("BAT1", "present", "0\n");
  PUT("BAT0", "type", "Battery\n");
  PUT("BAT0", "status", "\xff\xfe\x01\n");
  PUT("BAT0", "energy_full_design", "-57000000\n");
  PUT("BAT0", "energy_full", "99999999999999999999999999\n");
  PUT("BAT0", "energy_now", "0x10\n");
  PUT("BAT0", "power_now", "\n");
  PUT("BAT0", "voltage_now", "12.1.1\n");
  PUT("BAT0", "cycle_count", "-1\n");
  PUT("BAT0", "capacity", "1000\n");
  PUT("BAT0", "manufacturer", "");
  PUT("BAT0", "charge_stop_threshold", "80\n");          /* alias only */
  PUT("AC", "type", "Mains\n");
  PUT("AC", "online", "yes\n");                          /* not a number */
  put(dir, "sys/firmware/acpi/platform_profile", "\n");
  put(dir, "sys/devices/system/cpu/cpufreq/policy0/scaling_driver", "intel_pstate\n");
  put(dir, "sys/devices/system/cpu/cpufreq/policy0/scaling_available_governors",
      "performance  performance\tpowersave \n");
  g_autoptr(LfReport) r = probe_root(dir, TRUE, TRUE);
  g_assert_cmpuint(r->batteries->len, ==, 1);
  LfBattery *b = bat(r, 0);
  g_assert_cmpstr(b->name, ==, "BAT0");
  g_assert_cmpstr(b->state, ==, "unknown");
  g_assert_null(b->vendor);
  g_assert_false(lf_known_num(b->design_wh));
  g_assert_false(lf_known_num(b->full_wh));
  g_assert_false(lf_known_num(b->now_wh));
  g_assert_false(lf_known_num(b->power_w));
  g_assert_false(lf_known_num(b->voltage_v));
  g_assert_false(lf_known_num(b->percent));
  g_assert_false(lf_known_num(b->health_pct));
  g_assert_false(lf_known_int(b->cycles));
  g_assert_cmpint(b->charge_stop_threshold, ==, 80);
  g_assert_true(lf_strv_contains(b->flags, "design-missing"));
  /* "yes" is no answer: a battery exists, status garbage: unknown. */
  g_assert_cmpint(r->power.on_ac, ==, LF_TRI_UNKNOWN);
  g_assert_null(r->power.platform_profile);
  g_assert_cmpstr(r->power.cpufreq.driver, ==, "intel_pstate");
  g_assert_null(r->power.cpufreq.governor);
  g_assert_cmpuint(r->power.cpufreq.available_governors->len, ==, 2);
  rm_rf(dir);
}

static void test_design_from_smbios(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-battery-XXXXXX", NULL);
  put_attr(dir, "BAT0", "type", "Battery\n");
  put_attr(dir, "BAT0", "energy_full_design", "0\n");   /* firmware without _BIF data */
  put_attr(dir, "BAT0", "energy_full", "45000000\n");
  static const char dmi[] = "Handle 0x0008, DMI type 22, 26 bytes\n"
                            "Portable Battery\n"
                            "\tDesign Capacity: 50000 mWh\n"
                            "\tDesign Voltage: 11100 mV\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) smbios = lf_smbios_parse_dmidecode(dmi, sizeof dmi - 1, &error);
  g_assert_no_error(error);
  LfProbeOptions opts = { .root = dir };
  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, NULL);
  LfProbeContext ctx = { .opts = &opts, .root = root, .smbios = smbios };
  g_autoptr(LfReport) r = lf_report_new();
  lf_probe_batteries(&ctx, r);
  LfBattery *b = bat(r, 0);
  assert_num(b->design_wh, 50);
  assert_num(b->health_pct, 90);
  g_assert_true(lf_strv_contains(b->flags, "design-zero"));
  g_assert_true(lf_strv_contains(b->flags, "design-from-smbios"));
  rm_rf(dir);
}

static void test_no_cpufreq(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-battery-XXXXXX", NULL);
  put(dir, "sys/class/power_supply/.keep", "");
  g_autoptr(LfReport) r = probe_root(dir, TRUE, TRUE);
  g_assert_null(r->power.cpufreq.driver);
  guint power_errors = 0;
  for (guint i = 0; r->errors && i < r->errors->len; i++) {
    LfReportError *e = r->errors->pdata[i];
    power_errors += g_strcmp0(e->probe, "power") == 0;
  }
  g_assert_cmpuint(power_errors, ==, 1);
  rm_rf(dir);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/battery-sysfs/thinkpad-two-batteries", test_thinkpad_two);
  g_test_add_func("/battery-sysfs/worn-energy", test_worn_energy);
  g_test_add_func("/battery-sysfs/charge-units", test_charge_units);
  g_test_add_func("/battery-sysfs/health-over-100", test_health_over_100);
  g_test_add_func("/battery-sysfs/thresholds-reached", test_thresholds_reached);
  g_test_add_func("/battery-sysfs/desktop", test_desktop);
  g_test_add_func("/battery-sysfs/hostile-tree", test_hostile_tree);
  g_test_add_func("/battery-sysfs/design-from-smbios", test_design_from_smbios);
  g_test_add_func("/battery-sysfs/no-cpufreq", test_no_cpufreq);
  return g_test_run();
}
