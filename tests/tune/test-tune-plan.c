/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure parts of the tuner: profile parsing and layering, plans. No files. */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core/error.h"
#include "tune/tune.h"

static LfProfile *parse(const char *text, GError **error)
{
  return lf_profile_parse("t", "t.conf", text, strlen(text), error);
}

static void test_profile_values(void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfProfile) p = parse("# comment\n"
                                 "[profile]\n"
                                 "description=Test\n"
                                 "[knobs]\n"
                                 "cpu_governor=schedutil powersave\n"
                                 "cpu_governor_ON_AC=performance\n"
                                 "nmi_watchdog=0\n"
                                 "audio_power_save_ON_BAT=1\n"
                                 "dirty_writeback=\n",
                                 &error);
  g_assert_no_error(error);
  const char *origin = NULL;
  g_assert_cmpstr(lf_profile_get(p, "cpu_governor", LF_POWER_AC, &origin), ==, "performance");
  g_assert_cmpstr(origin, ==, "t.conf:6");
  g_assert_cmpstr(lf_profile_get(p, "cpu_governor", LF_POWER_BATTERY, &origin), ==,
                  "schedutil powersave");
  g_assert_cmpstr(origin, ==, "t.conf:5");
  g_assert_cmpstr(lf_profile_get(p, "nmi_watchdog", LF_POWER_AC, NULL), ==, "0");
  g_assert_null(lf_profile_get(p, "audio_power_save", LF_POWER_AC, NULL));
  g_assert_cmpstr(lf_profile_get(p, "audio_power_save", LF_POWER_BATTERY, NULL), ==, "1");
  g_assert_null(lf_profile_get(p, "dirty_writeback", LF_POWER_AC, NULL));   /* empty: alone */
  g_assert_null(lf_profile_get(p, "cpu_epp", LF_POWER_AC, NULL));
  g_assert_cmpstr(lf_profile_description(p), ==, "Test");

  /* A later layer: plain key overrides both, empty unsets. */
  const char *later = "[knobs]\ncpu_governor=ondemand\nnmi_watchdog=\n";
  g_autoptr(LfProfile) over = lf_profile_parse("t", "over.conf", later, strlen(later), &error);
  g_assert_no_error(error);
  lf_profile_merge(p, over);
  g_assert_cmpstr(lf_profile_get(p, "cpu_governor", LF_POWER_AC, &origin), ==, "ondemand");
  g_assert_cmpstr(origin, ==, "over.conf:2");
  g_assert_null(lf_profile_get(p, "nmi_watchdog", LF_POWER_BATTERY, NULL));
}

/* Every malformed profile is one error naming file and line. */
static void test_profile_errors(void)
{
  static const struct {
    const char *text, *want;
  } cases[] = {
    { "[knobs]\ncpu_governor=powersave\nthis is not a key\n", "t.conf:3: expected KEY=VALUE" },
    { "[knobs]\n\nno_such_knob=1\n", "t.conf:3: unknown knob 'no_such_knob'" },
    { "[knobs]\nnmi_watchdog=2\n", "t.conf:2: '2' is not a valid value for nmi_watchdog" },
    { "[knobs]\nsata_alpm=fast\n", "t.conf:2: 'fast' is not a valid value for sata_alpm" },
    { "[knobs]\ncpu_governor=a;b\n", "t.conf:2: 'a;b' is not a valid value" },
    { "[knobs]\naudio_power_save=1 2\n", "t.conf:2: audio_power_save takes one number" },
    { "[knobs]\nnmi_watchdog=0\nnmi_watchdog=1\n", "t.conf:3: 'nmi_watchdog' is already set on line 2" },
    { "[knobs\n", "t.conf:1: malformed group header" },
    { "[other]\nx=1\n", "t.conf:1: unknown group '[other]'" },
    { "nmi_watchdog=0\n", "t.conf:1: 'nmi_watchdog=0' comes before any [group]" },
    { "[profile]\ncolour=blue\n", "t.conf:2: unknown key 'colour' in [profile]" },
    { "[profile]\nbase=../etc\n", "t.conf:2: invalid base profile name" },
    { "[knobs]\nbrightness_cap=0\n", "t.conf:2: '0' is not a valid value for brightness_cap" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(LfProfile) p = parse(cases[i].text, &error);
    g_assert_null(p);
    g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
    if (!g_str_has_prefix(error->message, cases[i].want))
      g_error("case %zu: got '%s', want prefix '%s'", i, error->message, cases[i].want);
    g_assert_null(strchr(error->message, '\n'));
  }
  g_autoptr(GError) error = NULL;
  g_autoptr(LfProfile) p = lf_profile_parse("t", "t.conf", "[knobs]\nx=\0y\n", 11, &error);
  g_assert_null(p);
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
}

static LfKnobState *state(const char *id, const char *instance, const char *current,
                          const char *allowed)
{
  LfKnobState *st = g_new0(LfKnobState, 1);
  st->knob = lf_knob_find(id);
  g_assert_nonnull(st->knob);
  st->instance = g_strdup(instance);
  st->path = g_strdup_printf("sys/x/%s/%s", instance, id);
  st->current = g_strdup(current);
  if (allowed) {
    st->allowed = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) w = g_strsplit(allowed, " ", -1);
    for (guint i = 0; w[i]; i++)
      g_ptr_array_add(st->allowed, g_strdup(w[i]));
  }
  return st;
}

static const LfPlanRow *row_for(const LfPlan *plan, const char *knob, const char *instance)
{
  for (guint i = 0; i < plan->rows->len; i++) {
    const LfPlanRow *r = plan->rows->pdata[i];
    if (g_str_equal(r->knob->id, knob) && g_str_equal(r->instance, instance))
      return r;
  }
  g_error("no row %s/%s", knob, instance);
}

static void test_plan(void)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func((GDestroyNotify)lf_knob_state_free);
  g_ptr_array_add(states, state("cpu_governor", "policy0", "performance", "performance powersave"));
  g_ptr_array_add(states, state("cpu_governor", "policy1", "ondemand",
                                "conservative ondemand schedutil powersave"));
  g_ptr_array_add(states, state("cpu_epp", "policy0", "balance_performance",
                                "default performance balance_performance"));
  g_ptr_array_add(states, state("platform_profile", "", "balanced", "low-power balanced"));
  g_ptr_array_add(states, state("nmi_watchdog", "", "0", NULL));
  g_ptr_array_add(states, state("dirty_writeback", "", "500", NULL));
  g_ptr_array_add(states, state("sata_alpm", "host0", "max_performance", NULL));
  LfKnobState *hid = state("usb_autosuspend", "1-2", "on", NULL);
  hid->excluded = g_strdup("input device (HID)");
  g_ptr_array_add(states, hid);
  g_ptr_array_add(states, state("usb_autosuspend", "1-6", "on", NULL));
  g_ptr_array_add(states, state("pci_runtime_pm", "0000:00:02.0", NULL, NULL));
  LfKnobState *bl = state("brightness_cap", "bl", "900", NULL);
  bl->max_raw = 1000;
  g_ptr_array_add(states, bl);
  LfKnobState *bl2 = state("brightness_cap", "bl2", "300", NULL);
  bl2->max_raw = 1000;
  g_ptr_array_add(states, bl2);

  g_autoptr(GError) error = NULL;
  g_autoptr(LfProfile) p = parse("[knobs]\n"
                                 "cpu_governor=schedutil powersave\n"
                                 "cpu_epp=power\n"
                                 "platform_profile=quiet low-power\n"
                                 "nmi_watchdog=0\n"
                                 "dirty_writeback_ON_BAT=1500\n"
                                 "sata_alpm=med_power_with_dipm\n"
                                 "usb_autosuspend=auto\n"
                                 "pci_runtime_pm=auto\n"
                                 "brightness_cap_ON_BAT=50\n",
                                 &error);
  g_assert_no_error(error);
  g_autoptr(LfPlan) plan = lf_plan_new(states, p, LF_POWER_BATTERY);
  const LfPlanRow *r = row_for(plan, "cpu_governor", "policy0");
  g_assert_cmpint(r->action, ==, LF_PLAN_CHANGE);         /* schedutil not offered: powersave */
  g_assert_cmpstr(r->to, ==, "powersave");
  g_assert_cmpstr(r->origin, ==, "t.conf:2");
  r = row_for(plan, "cpu_governor", "policy1");
  g_assert_cmpstr(r->to, ==, "schedutil");
  r = row_for(plan, "cpu_epp", "policy0");
  g_assert_cmpint(r->action, ==, LF_PLAN_SKIP);
  g_assert_cmpstr(r->reason_id, ==, "not-offered");
  r = row_for(plan, "platform_profile", "");
  g_assert_cmpstr(r->to, ==, "low-power");
  g_assert_cmpint(row_for(plan, "nmi_watchdog", "")->action, ==, LF_PLAN_SAME);
  g_assert_cmpstr(row_for(plan, "dirty_writeback", "")->to, ==, "1500");
  g_assert_cmpstr(row_for(plan, "sata_alpm", "host0")->to, ==, "med_power_with_dipm");
  r = row_for(plan, "usb_autosuspend", "1-2");
  g_assert_cmpint(r->action, ==, LF_PLAN_SKIP);            /* HID stays as it is */
  g_assert_cmpstr(r->reason_id, ==, "excluded");
  g_assert_cmpint(row_for(plan, "usb_autosuspend", "1-6")->action, ==, LF_PLAN_CHANGE);
  g_assert_cmpstr(row_for(plan, "pci_runtime_pm", "0000:00:02.0")->reason_id, ==, "unreadable");
  r = row_for(plan, "brightness_cap", "bl");
  g_assert_cmpint(r->action, ==, LF_PLAN_CHANGE);
  g_assert_cmpstr(r->to, ==, "500");
  g_assert_cmpint(row_for(plan, "brightness_cap", "bl2")->action, ==, LF_PLAN_SAME);
  g_assert_cmpuint(lf_plan_count(plan, LF_PLAN_CHANGE), ==, 7);

  /* On AC the _ON_BAT keys do not apply. */
  g_autoptr(LfPlan) ac = lf_plan_new(states, p, LF_POWER_AC);
  for (guint i = 0; i < ac->rows->len; i++) {
    const LfPlanRow *row = ac->rows->pdata[i];
    g_assert_cmpstr(row->knob->id, !=, "dirty_writeback");
    g_assert_cmpstr(row->knob->id, !=, "brightness_cap");
  }

  g_autoptr(JsonNode) json = lf_plan_to_json(plan);
  JsonObject *o = json_node_get_object(json);
  g_assert_cmpstr(json_object_get_string_member(o, "source"), ==, "battery");
  g_assert_cmpint(json_object_get_int_member(o, "changes"), ==, 7);
}

static void test_threshold_order(void)
{
  static const struct {
    const char *start_from, *stop_from, *start_to, *stop_to;
    gboolean stop_first;
  } cases[] = {
    { "40", "50", "75", "80", TRUE },    /* raising past the old stop: stop first */
    { "75", "80", "40", "50", FALSE },   /* lowering: start first */
    { "75", "80", "70", "90", FALSE },
    { "75", "80", "80", "85", TRUE },    /* start == old stop would be refused */
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GPtrArray) states =
        g_ptr_array_new_with_free_func((GDestroyNotify)lf_knob_state_free);
    g_ptr_array_add(states, state("charge_start_threshold", "BAT0", cases[i].start_from, NULL));
    g_ptr_array_add(states, state("charge_stop_threshold", "BAT0", cases[i].stop_from, NULL));
    g_autofree char *text = g_strdup_printf(
        "[knobs]\ncharge_start_threshold=%s\ncharge_stop_threshold=%s\n", cases[i].start_to,
        cases[i].stop_to);
    g_autoptr(GError) error = NULL;
    g_autoptr(LfProfile) p = parse(text, &error);
    g_assert_no_error(error);
    g_autoptr(LfPlan) plan = lf_plan_new(states, p, LF_POWER_AC);
    g_assert_cmpuint(plan->rows->len, ==, 2);
    const LfPlanRow *first = plan->rows->pdata[0];
    g_assert_cmpstr(first->knob->id, ==,
                    cases[i].stop_first ? "charge_stop_threshold" : "charge_start_threshold");
  }
}

static void test_knob_patterns(void)
{
  const LfKnob *gov = lf_knob_find("cpu_governor");
  g_assert_true(lf_knob_path_matches(gov, "sys/devices/system/cpu/cpufreq/policy3/scaling_governor"));
  g_assert_false(lf_knob_path_matches(gov, "sys/devices/system/cpu/cpufreq/policy3/../../../x/scaling_governor"));
  g_assert_false(lf_knob_path_matches(gov, "sys/devices/system/cpu/cpufreq/x/y/scaling_governor"));
  g_assert_false(lf_knob_path_matches(gov, "sys/devices/system/cpu/cpufreq/cpu0/scaling_governor"));
  g_assert_false(lf_knob_path_matches(gov, "etc/passwd"));
  const LfKnob *usb = lf_knob_find("usb_autosuspend");
  g_assert_true(lf_knob_path_matches(usb, "sys/bus/usb/devices/1-2/power/control"));
  g_assert_false(lf_knob_path_matches(usb, "sys/bus/usb/devices/../power/control"));
  gsize n = 0;
  const LfKnob *all = lf_knobs(&n);
  g_assert_cmpuint(n, >=, 14);
  for (gsize i = 0; i < n; i++) {
    /* Only the D-Bus knob has no file. */
    g_assert_true(all[i].type == LF_KNOB_DAEMON ? all[i].pattern == NULL
                  : g_str_has_prefix(all[i].pattern, "sys/") ||
                    g_str_has_prefix(all[i].pattern, "proc/sys/"));
    g_assert_true(lf_knob_find(all[i].id) == &all[i]);
  }
}

/* The built-in profiles parse and only name real knobs. */
static void test_builtin_profiles(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("lapfit-empty-XXXXXX", &error);
  g_assert_no_error(error);
  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, &error);
  g_assert_no_error(error);
  g_autoptr(GPtrArray) names = lf_profile_list(root);
  g_assert_cmpuint(names->len, ==, 3);
  const char *want[] = { "balanced", "performance", "power-saver" };
  for (guint i = 0; i < 3; i++) {
    g_assert_cmpstr(names->pdata[i], ==, want[i]);
    g_autoptr(LfProfile) p = lf_profile_load(root, want[i], NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(lf_profile_description(p));
    g_assert_nonnull(lf_profile_get(p, "cpu_governor", LF_POWER_BATTERY, NULL));
  }
  g_autoptr(LfProfile) none = lf_profile_load(root, "turbo", NULL, &error);
  g_assert_null(none);
  g_assert_error(error, LF_ERROR, LF_ERROR_NOT_FOUND);
  g_clear_error(&error);
  const char *sets[] = { "cpu_epp_ON_BAT=balance_power", NULL };
  g_autoptr(LfProfile) s = lf_profile_load(root, "performance", sets, &error);
  g_assert_no_error(error);
  const char *origin = NULL;
  g_assert_cmpstr(lf_profile_get(s, "cpu_epp", LF_POWER_BATTERY, &origin), ==, "balance_power");
  g_assert_cmpstr(origin, ==, "--set cpu_epp_ON_BAT=balance_power");
  g_assert_cmpstr(lf_profile_get(s, "cpu_epp", LF_POWER_AC, &origin), ==, "performance");
  g_assert_true(g_str_has_prefix(origin, "profiles/performance.conf (built-in):"));
  const char *bad[] = { "nmi_watchdog=7", NULL };
  g_autoptr(LfProfile) b = lf_profile_load(root, "performance", bad, &error);
  g_assert_null(b);
  g_assert_error(error, LF_ERROR, LF_ERROR_USAGE);
  g_rmdir(dir);
}

/* tune measure's arithmetic: a window's draw and spread, and the result in words. */
static LfPowerSample sample(double t_s, double w, double wh)
{
  LfPowerSample s = { (gint64)(t_s * G_USEC_PER_SEC), w, wh, TRUE, "sysfs" };
  return s;
}

static void test_measure_window(void)
{
  /* Energy did not move (coarse firmware counter): the mean of the readings. */
  LfPowerSample flat[] = { sample(0, 8, 40), sample(1, 9, 40), sample(2, 10, 40),
                           sample(3, 9, 40) };
  LfPowerWindow w;
  lf_power_window_summarise(flat, G_N_ELEMENTS(flat), &w);
  g_assert_cmpfloat_with_epsilon(w.watts, 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(w.spread_w, 0.816496580927726, 1e-9);   /* sample sd */
  g_assert_cmpuint(w.samples, ==, 4);
  /* No energy counter at all: the mean too, not the first and last readings. */
  LfPowerSample none[] = { sample(0, 8, NAN), sample(1, 12, NAN), sample(2, 12, NAN),
                           sample(3, 8, NAN) };
  lf_power_window_summarise(none, G_N_ELEMENTS(none), &w);
  g_assert_cmpfloat_with_epsilon(w.watts, 10.0, 1e-9);
  g_assert_true(isnan(w.energy_wh));
  /* Energy fell: what was used over the time (7.2 Wh in an hour), not the readings. */
  LfPowerSample fell[] = { sample(0, 9, 40), sample(3600, 5, 32.8) };
  lf_power_window_summarise(fell, G_N_ELEMENTS(fell), &w);
  g_assert_cmpfloat_with_epsilon(w.watts, 7.2, 1e-9);
  g_assert_cmpfloat_with_epsilon(w.energy_wh, 32.8, 1e-9);
  /* On AC nothing is known. */
  LfPowerSample ac[] = { sample(0, 8, 40), sample(1, 8, 40) };
  ac[0].discharging = ac[1].discharging = FALSE;
  lf_power_window_summarise(ac, G_N_ELEMENTS(ac), &w);
  g_assert_true(isnan(w.watts));

  LfPowerWindow before = { 8.0, 0.5, 48.0, 60, "upower" };
  LfPowerWindow after = { 6.0, 0.25, 48.0, 60, "upower" };
  g_autofree char *text = lf_power_measure_summary("power-saver", &before, &after);
  g_assert_cmpstr(text, ==,
                  "Battery draw before: 8.00 W (± 0.50 W, 60 readings, upower)\n"
                  "Battery draw with power-saver: 6.00 W (± 0.25 W, 60 readings, upower)\n"
                  "Saves 2.00 W (25 %).\n"
                  "On the 48.0 Wh left: 8 h 00 min instead of 6 h 00 min, 2 h 00 min more.\n");
  after.watts = 9.6;
  g_autofree char *worse = lf_power_measure_summary("performance", &before, &after);
  g_assert_nonnull(strstr(worse, "Saves -1.60 W (-20 %).\n"
                                 "On the 48.0 Wh left: 5 h 00 min instead of 6 h 00 min, "
                                 "1 h 00 min less.\n"));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/tune/profile/values", test_profile_values);
  g_test_add_func("/tune/profile/errors", test_profile_errors);
  g_test_add_func("/tune/profile/builtin", test_builtin_profiles);
  g_test_add_func("/tune/plan/rows", test_plan);
  g_test_add_func("/tune/plan/thresholds", test_threshold_order);
  g_test_add_func("/tune/knobs/patterns", test_knob_patterns);
  g_test_add_func("/tune/measure/window", test_measure_window);
  return g_test_run();
}
