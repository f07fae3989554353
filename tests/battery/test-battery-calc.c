/* SPDX-License-Identifier: GPL-2.0-or-later */
/* battery-calc: units, health, percent, rate, times, thresholds, hostile values. */
#include <math.h>

#include "probe/battery.h"

typedef struct {
  LfBatteryRaw raw;
  LfBattery *bat;
} Fixture;

static void fx_setup(Fixture *fx, gconstpointer data)
{
  lf_battery_raw_init(&fx->raw);
  fx->raw.name = g_strdup("BAT0");
  fx->bat = NULL;
}

static void fx_teardown(Fixture *fx, gconstpointer data)
{
  lf_battery_raw_clear(&fx->raw);
  lf_struct_free(&lf_battery_desc, fx->bat);
}

/* Sets sysfs attributes from "key=value" pairs, then runs the maths. */
static LfBattery *calc(Fixture *fx, ...)
{
  va_list ap;
  va_start(ap, fx);
  for (const char *kv; (kv = va_arg(ap, const char *));) {
    g_auto(GStrv) p = g_strsplit(kv, "=", 2);
    g_assert_true(lf_battery_raw_set_attr(&fx->raw, p[0], p[1]));
  }
  va_end(ap);
  lf_struct_free(&lf_battery_desc, fx->bat);
  fx->bat = lf_struct_new(&lf_battery_desc);
  lf_battery_calc(&fx->raw, fx->bat);
  return fx->bat;
}

static gboolean has_flag(const LfBattery *b, const char *flag)
{
  return lf_strv_contains(b->flags, flag);
}

#define assert_num(a, b) g_assert_cmpfloat_with_epsilon((a), (b), 1e-9)

static void test_energy(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "status=Discharging", "technology=Li-poly", "manufacturer=SMP",
                      "model_name=5B10W13930", "energy_full_design=57000000",
                      "energy_full=50000000", "energy_now=41000000", "power_now=8200000",
                      "voltage_min_design=11520000", "voltage_now=12100000", "cycle_count=312",
                      "capacity=82", "charge_control_start_threshold=75",
                      "charge_control_end_threshold=80", NULL);
  g_assert_cmpstr(b->name, ==, "BAT0");
  g_assert_cmpstr(b->vendor, ==, "SMP");
  g_assert_cmpstr(b->technology, ==, "lithium-polymer");
  g_assert_cmpstr(b->state, ==, "discharging");
  g_assert_cmpstr(b->source, ==, "sysfs");
  assert_num(b->design_wh, 57);
  assert_num(b->full_wh, 50);
  assert_num(b->now_wh, 41);
  assert_num(b->health_pct, 87.72);     /* upowerd's "capacity" for the same pack */
  assert_num(b->percent, 82);
  assert_num(b->power_w, 8.2);
  assert_num(b->voltage_v, 12.1);
  assert_num(b->design_voltage_v, 11.52);   /* the design voltage, not the present one */
  g_assert_cmpint(b->cycles, ==, 312);
  g_assert_cmpint(b->time_to_empty_s, ==, 18000);
  g_assert_false(lf_known_int(b->time_to_full_s));
  g_assert_cmpint(b->charge_start_threshold, ==, 75);
  g_assert_cmpint(b->charge_stop_threshold, ==, 80);
  g_assert_true(b->flags == NULL || b->flags->len == 0);
}

static void test_charge(Fixture *fx, gconstpointer data)
{
  /* upowerd (up-device-supply-battery.c) converts with voltage_min_design, not voltage_now. */
  LfBattery *b = calc(fx, "status=Charging", "charge_full_design=4800000",
                      "charge_full=4200000", "charge_now=2100000", "current_now=1500000",
                      "voltage_min_design=11400000", "voltage_now=11800000", "cycle_count=0",
                      "charge_control_end_threshold=60", NULL);
  assert_num(b->design_wh, 54.72);
  assert_num(b->full_wh, 47.88);
  assert_num(b->now_wh, 23.94);
  assert_num(b->power_w, 17.1);
  assert_num(b->health_pct, 87.5);
  assert_num(b->percent, 50);            /* no capacity file: now / full */
  g_assert_cmpint(b->time_to_full_s, ==, 5040);
  g_assert_false(lf_known_int(b->time_to_empty_s));
  g_assert_false(lf_known_int(b->cycles));
  g_assert_true(has_flag(b, "cycles-unknown"));
  g_assert_false(lf_known_int(b->charge_start_threshold));
  g_assert_cmpint(b->charge_stop_threshold, ==, 60);
}

static void test_charge_voltage_now(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "status=Discharging", "charge_full_design=5000000",
                      "charge_full=4000000", "charge_now=2000000", "current_now=1000000",
                      "voltage_now=12000000", NULL);
  assert_num(b->design_wh, 60);
  assert_num(b->now_wh, 24);
  assert_num(b->power_w, 12);
  g_assert_cmpint(b->time_to_empty_s, ==, 7200);
  g_assert_true(has_flag(b, "charge-units-voltage-now"));
}

static void test_charge_no_voltage(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "status=Discharging", "charge_full_design=5000000",
                      "charge_full=4000000", "charge_now=1000000", "current_now=500000", NULL);
  /* Wh unknown without a voltage, but health and percent are ratios of µAh. */
  g_assert_false(lf_known_num(b->design_wh));
  g_assert_false(lf_known_num(b->full_wh));
  g_assert_false(lf_known_num(b->now_wh));
  g_assert_false(lf_known_num(b->power_w));
  g_assert_false(lf_known_int(b->time_to_empty_s));
  assert_num(b->health_pct, 80);
  assert_num(b->percent, 25);
  g_assert_true(has_flag(b, "charge-units-no-voltage"));
}

static void test_design_zero(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "energy_full_design=0", "energy_full=40000000",
                      "energy_now=20000000", NULL);
  g_assert_false(lf_known_num(b->health_pct));
  g_assert_false(lf_known_num(b->design_wh));
  assert_num(b->full_wh, 40);
  assert_num(b->percent, 50);
  g_assert_true(has_flag(b, "design-zero"));
}

static void test_design_missing(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "energy_full=40000000", "energy_now=20000000", NULL);
  g_assert_false(lf_known_num(b->health_pct));
  g_assert_true(has_flag(b, "design-missing"));
  g_assert_cmpstr(b->state, ==, "unknown");
}

static void test_design_smbios(Fixture *fx, gconstpointer data)
{
  fx->raw.smbios_design_mwh = 50000;
  fx->raw.smbios_design_mv = 14400;
  LfBattery *b = calc(fx, "energy_full=40000000", "voltage_now=15100000", NULL);
  assert_num(b->design_wh, 50);
  assert_num(b->design_voltage_v, 14.4);   /* SMBIOS fills the design voltage only */
  assert_num(b->voltage_v, 15.1);
  assert_num(b->health_pct, 80);
  g_assert_true(has_flag(b, "design-missing"));
  g_assert_true(has_flag(b, "design-from-smbios"));
}

static void test_health_over_100(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "energy_full_design=75000000", "energy_full=76230000", NULL);
  assert_num(b->health_pct, 101.64);       /* kept, not clamped */
  g_assert_true(has_flag(b, "health-over-100"));
}

static void test_level_quirks(Fixture *fx, gconstpointer data)
{
  /* Level above full: full is raised to it, as upowerd does. */
  LfBattery *b = calc(fx, "energy_full_design=50000000", "energy_full=40000000",
                      "energy_now=45000000", NULL);
  assert_num(b->full_wh, 45);
  assert_num(b->health_pct, 90);
  g_assert_true(has_flag(b, "full-below-now"));
  /* No level, but a percentage. */
  lf_battery_raw_clear(&fx->raw);
  lf_battery_raw_init(&fx->raw);
  b = calc(fx, "status=Discharging", "energy_full=40000000", "capacity=25",
           "power_now=5000000", NULL);
  assert_num(b->now_wh, 10);
  g_assert_cmpint(b->time_to_empty_s, ==, 7200);
  g_assert_true(has_flag(b, "now-from-capacity"));
}

static void test_times(Fixture *fx, gconstpointer data)
{
  /* As upowerd computes it: 20 of 50 Wh charging at 8.2 W -> 13170 s (truncated). */
  LfBattery *b = calc(fx, "status=Charging", "energy_full=50000000", "energy_now=20000000",
                      "power_now=8200000", NULL);
  g_assert_cmpint(b->time_to_full_s, ==, 13170);
  /* Nearly idle: 50 Wh at 0.1 W would be 500 h, beyond 240 h = unknown. */
  b = calc(fx, "status=Discharging", "energy_now=50000000", "power_now=100000", NULL);
  g_assert_false(lf_known_int(b->time_to_empty_s));
  /* No rate: the kernel's own estimate, if any. */
  b = calc(fx, "status=Discharging", "power_now=0", "time_to_empty_now=3600", NULL);
  g_assert_cmpint(b->time_to_empty_s, ==, 3600);
  /* Full: no times at all. */
  b = calc(fx, "status=Full", "power_now=5000000", NULL);
  g_assert_false(lf_known_int(b->time_to_empty_s));
  g_assert_false(lf_known_int(b->time_to_full_s));
  g_assert_cmpstr(b->state, ==, "full");
}

static void test_negative_rate(Fixture *fx, gconstpointer data)
{
  /* QUIRK: some firmware gives the current's sign while discharging. */
  LfBattery *b = calc(fx, "status=Discharging", "energy_now=30000000", "power_now=-10000000",
                      NULL);
  assert_num(b->power_w, 10);
  g_assert_cmpint(b->time_to_empty_s, ==, 10800);
  g_assert_true(has_flag(b, "rate-negative"));
}

static void test_thresholds(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "charge_start_threshold=40", "charge_stop_threshold=90", NULL);
  g_assert_cmpint(b->charge_start_threshold, ==, 40);
  g_assert_cmpint(b->charge_stop_threshold, ==, 90);
  b = calc(fx, "charge_control_start_threshold=0", "charge_control_end_threshold=100", NULL);
  g_assert_cmpint(b->charge_start_threshold, ==, 0);
  g_assert_cmpint(b->charge_stop_threshold, ==, 100);
  b = calc(fx, "charge_control_start_threshold=-1", "charge_control_end_threshold=101", NULL);
  g_assert_false(lf_known_int(b->charge_start_threshold));
  g_assert_false(lf_known_int(b->charge_stop_threshold));
}

static void test_hostile(Fixture *fx, gconstpointer data)
{
  LfBattery *b = calc(fx, "status=\x01garbage", "technology=plutonium",
                      "energy_full_design=abc", "energy_full=-5", "energy_now=1e300",
                      "power_now=nan", "voltage_now=inf", "voltage_min_design=-12",
                      "capacity=250", "cycle_count=3.5", "charge_control_end_threshold=80abc",
                      "charge_full=99999999999999999999999", "current_now=", NULL);
  g_assert_cmpstr(b->state, ==, "unknown");
  g_assert_null(b->technology);
  g_assert_false(lf_known_num(b->design_wh));
  g_assert_false(lf_known_num(b->full_wh));
  g_assert_false(lf_known_num(b->now_wh));
  g_assert_false(lf_known_num(b->power_w));
  g_assert_false(lf_known_num(b->voltage_v));
  g_assert_false(lf_known_num(b->design_voltage_v));
  g_assert_false(lf_known_num(b->percent));
  g_assert_false(lf_known_num(b->health_pct));
  g_assert_false(lf_known_int(b->cycles));
  g_assert_false(lf_known_int(b->charge_stop_threshold));
  g_assert_false(lf_known_int(b->time_to_empty_s));
  g_assert_false(lf_battery_raw_set_attr(&fx->raw, "no_such_attr", "1"));
  g_assert_false(lf_battery_raw_set_attr(&fx->raw, NULL, "1"));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
#define ADD(path, fn) g_test_add(path, Fixture, NULL, fx_setup, fn, fx_teardown)
  ADD("/battery-calc/energy", test_energy);
  ADD("/battery-calc/charge", test_charge);
  ADD("/battery-calc/charge-voltage-now", test_charge_voltage_now);
  ADD("/battery-calc/charge-no-voltage", test_charge_no_voltage);
  ADD("/battery-calc/design-zero", test_design_zero);
  ADD("/battery-calc/design-missing", test_design_missing);
  ADD("/battery-calc/design-smbios", test_design_smbios);
  ADD("/battery-calc/health-over-100", test_health_over_100);
  ADD("/battery-calc/level-quirks", test_level_quirks);
  ADD("/battery-calc/times", test_times);
  ADD("/battery-calc/negative-rate", test_negative_rate);
  ADD("/battery-calc/thresholds", test_thresholds);
  ADD("/battery-calc/hostile", test_hostile);
  return g_test_run();
}
