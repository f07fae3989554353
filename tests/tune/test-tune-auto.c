/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `tune auto` follows an AC unplug: a umockdev testbed emits the uevent that
 * the libudev monitor receives, and the battery value gets written. Run under
 * umockdev-wrapper; exits 77 outside a mock environment. */
#include <glib.h>
#include <glib/gstdio.h>
#include <umockdev.h>

#include "core/error.h"
#include "tune/tune.h"

typedef struct {
  UMockdevTestbed *tb;
  char *ac;                   /* the AC adapter's sysfs path in the testbed */
  char *governor;             /* host path of policy0/scaling_governor */
  char *stop;                 /* host path of BAT0's charge_control_end_threshold */
  char *stop_value[2];
  GCancellable *cancel;
  guint calls;
  LfPowerSource source[2];
  char *value[2];
} Ctx;

static gboolean unplug(gpointer data)
{
  Ctx *c = data;
  umockdev_testbed_set_attribute(c->tb, c->ac, "online", "0");
  umockdev_testbed_uevent(c->tb, c->ac, "change");
  return G_SOURCE_REMOVE;
}

static void notify(LfPowerSource source, guint n, const GError *error, gpointer user_data)
{
  Ctx *c = user_data;
  g_assert_no_error((GError *)error);
  g_assert_cmpuint(c->calls, <, 2);
  c->source[c->calls] = source;
  g_assert_true(g_file_get_contents(c->governor, &c->value[c->calls], NULL, NULL));
  g_assert_true(g_file_get_contents(c->stop, &c->stop_value[c->calls], NULL, NULL));
  c->calls++;
  if (c->calls == 1)
    g_timeout_add(50, unplug, c);   /* plugged in and applied: now pull the plug */
  else
    g_cancellable_cancel(c->cancel);
}

static gboolean too_slow(gpointer data)
{
  g_error("no AC/battery switch within 10 s");
  return G_SOURCE_REMOVE;
}

static void put(const char *path, const char *text)
{
  g_autofree char *dir = g_path_get_dirname(path);
  g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
  g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static void test_auto_unplug(void)
{
  g_autoptr(UMockdevTestbed) tb = umockdev_testbed_new();
  Ctx c = { .tb = tb };
  c.ac = umockdev_testbed_add_device(tb, "power_supply", "AC", NULL, "type", "Mains", "online",
                                     "1", NULL, "POWER_SUPPLY_NAME", "AC", NULL);
  g_autofree char *bat = umockdev_testbed_add_device(
      tb, "power_supply", "BAT0", NULL, "type", "Battery", "status", "Charging", "energy_now",
      "40000000", "charge_control_start_threshold", "40\n", "charge_control_end_threshold",
      "60\n", NULL, "POWER_SUPPLY_NAME", "BAT0", NULL);
  g_assert_nonnull(bat);
  c.stop = g_build_filename(bat, "charge_control_end_threshold", NULL);
  g_autofree char *rootdir = umockdev_testbed_get_root_dir(tb);   /* transfer full */
  g_autofree char *policy = g_build_filename(rootdir, "sys/devices/system/cpu/cpufreq/policy0",
                                             NULL);
  c.governor = g_build_filename(policy, "scaling_governor", NULL);
  g_autofree char *avail = g_build_filename(policy, "scaling_available_governors", NULL);
  put(c.governor, "powersave\n");
  put(avail, "performance powersave\n");

  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp("lapfit-auto-XXXXXX", &error);
  g_assert_no_error(error);
  g_autofree char *profile = g_build_filename(tmp, "follow.conf", NULL);
  put(profile, "[knobs]\ncpu_governor_ON_AC=performance\ncpu_governor_ON_BAT=powersave\n"
               "charge_start_threshold=75\ncharge_stop_threshold=80\n");
  g_autofree char *state = g_build_filename(tmp, "state", NULL);

  g_autoptr(LfSysroot) root = lf_sysroot_new(rootdir, &error);
  g_assert_no_error(error);
  g_assert_cmpint(lf_power_source_detect(root), ==, LF_POWER_AC);
  c.cancel = g_cancellable_new();
  LfApplyOptions opts = { state, FALSE, 1000, NULL };
  /* A full charge before the trip: on AC its limits stay lifted, the unplug ends it. */
  g_assert_true(lf_tune_fullcharge(root, &opts, NULL, &error));
  g_assert_no_error(error);
  g_assert_true(lf_tune_fullcharge_pending(root, &opts));
  guint guard = g_timeout_add_seconds(10, too_slow, NULL);
  g_assert_true(lf_tune_auto_run(root, profile, &opts, c.cancel, notify, &c, &error));
  g_assert_no_error(error);
  g_source_remove(guard);

  g_assert_cmpuint(c.calls, ==, 2);
  g_assert_cmpint(c.source[0], ==, LF_POWER_AC);
  g_assert_cmpstr(c.value[0], ==, "performance\n");
  g_assert_cmpint(c.source[1], ==, LF_POWER_BATTERY);
  g_assert_cmpstr(c.value[1], ==, "powersave\n");
  g_assert_cmpstr(c.stop_value[0], ==, "100\n");
  g_assert_cmpstr(c.stop_value[1], ==, "80\n");
  g_assert_false(lf_tune_fullcharge_pending(root, &opts));

  /* The journal kept the value from before the first switch. */
  g_assert_true(lf_journal_undo(root, &opts, NULL, &error));
  g_assert_no_error(error);
  g_autofree char *back = NULL;
  g_assert_true(g_file_get_contents(c.governor, &back, NULL, NULL));
  g_assert_cmpstr(back, ==, "powersave\n");
  g_autofree char *stop_back = NULL;
  g_assert_true(g_file_get_contents(c.stop, &stop_back, NULL, NULL));
  g_assert_cmpstr(stop_back, ==, "60\n");

  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", tmp);
  g_assert_cmpint(system(cmd), ==, 0);
  g_object_unref(c.cancel);
  g_free(c.ac);
  g_free(c.governor);
  g_free(c.value[0]);
  g_free(c.value[1]);
  g_free(c.stop);
  g_free(c.stop_value[0]);
  g_free(c.stop_value[1]);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  /* umockdev_in_mock_environment() is valid only after a testbed exists. */
  UMockdevTestbed *probe = umockdev_testbed_new();
  gboolean mocked = umockdev_in_mock_environment();
  g_object_unref(probe);
  if (!mocked) {
    g_print("not under umockdev-wrapper: skipped\n");
    return 77;
  }
  g_test_add_func("/tune/auto/unplug", test_auto_unplug);
  return g_test_run();
}
