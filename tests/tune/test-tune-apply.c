/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tuner I/O on copies of the fixture trees: apply/undo byte-exact, rollback,
 * the write whitelist, the lock, other tuners, layered profiles, measuring,
 * install/uninstall. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.h"
#include "core/report.h"
#include "probe/probe.h"
#include "tune/tune.h"

#define FIX LF_TEST_FIXTURES "/tune"

typedef struct {
  char *tmp, *root, *state;
  const char *fixture;
  LfSysroot *sysroot;
} Copy;

static void sh(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void sh(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *cmd = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_assert_cmpint(system(cmd), ==, 0);
}

static Copy *copy_new(const char *machine)
{
  Copy *c = g_new0(Copy, 1);
  g_autoptr(GError) error = NULL;
  c->tmp = g_dir_make_tmp("lapfit-tune-XXXXXX", &error);
  g_assert_no_error(error);
  c->root = g_build_filename(c->tmp, "root", NULL);
  c->state = g_build_filename(c->tmp, "state", NULL);
  c->fixture = machine;
  sh("cp -a '" FIX "/%s' '%s'", machine, c->root);
  c->sysroot = lf_sysroot_new(c->root, &error);
  g_assert_no_error(error);
  return c;
}

static void copy_free(Copy *c)
{
  sh("rm -rf '%s'", c->tmp);
  lf_sysroot_free(c->sysroot);
  g_free(c->tmp);
  g_free(c->root);
  g_free(c->state);
  g_free(c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Copy, copy_free)

/* Is the copy byte-for-byte (and link-for-link) the fixture again? */
static gboolean unchanged(const Copy *c)
{
  g_autofree char *cmd = g_strdup_printf("diff -r --no-dereference '" FIX "/%s' '%s' >/dev/null",
                                         c->fixture, c->root);
  if (system(cmd) == 0)
    return TRUE;
  g_test_message("tree differs from " FIX "/%s", c->fixture);
  return FALSE;
}

static char *slurp(const Copy *c, const char *rel)
{
  g_autofree char *path = g_build_filename(c->root, rel, NULL);
  char *data = NULL;
  g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
  return data;
}

static LfPlan *plan_for(const Copy *c, const char *profile, LfPowerSource source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfProfile) p = lf_profile_load(c->sysroot, profile, NULL, &error);
  g_assert_no_error(error);
  g_autoptr(GPtrArray) states = lf_knobs_read(c->sysroot);
  return lf_plan_new(states, p, source);
}

static LfApplyOptions opts_for(const Copy *c)
{
  LfApplyOptions o = { c->state, FALSE, 1000, NULL };
  return o;
}

static gboolean journal_exists(const Copy *c)
{
  g_autofree char *p = g_build_filename(c->state, "journal.json", NULL);
  return g_file_test(p, G_FILE_TEST_EXISTS);
}

static void put(const Copy *c, const char *rel, const char *text)
{
  g_autofree char *path = g_build_filename(c->root, rel, NULL);
  g_autofree char *dir = g_path_get_dirname(path);
  g_mkdir_with_parents(dir, 0755);
  g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static const char *const machines[] = { "thinkpad-x1c11", "amd-ideapad5", "core2-d630" };
static const char *const profiles[] = { "power-saver", "balanced", "performance" };

/* Every profile x source on every machine: apply changes files, undo (from a
 * fresh sysroot object and the journal on disk) restores every byte. */
static void test_round_trip(void)
{
  /* Every machine x source, profiles rotating (tune-cli.sh covers all 18
   * combinations through the command line). */
  for (gsize m = 0; m < G_N_ELEMENTS(machines); m++)
    for (int s = LF_POWER_AC; s <= LF_POWER_BATTERY; s++) {
      gsize p = (m * 2 + (gsize)s) % G_N_ELEMENTS(profiles);
      {
        g_autoptr(Copy) c = copy_new(machines[m]);
        g_autoptr(LfPlan) plan = plan_for(c, profiles[p], (LfPowerSource)s);
        LfApplyOptions o = opts_for(c);
        g_autoptr(GError) error = NULL;
        guint n = 0;
        g_assert_true(lf_plan_apply(c->sysroot, plan, &o, &n, &error));
        g_assert_no_error(error);
        g_assert_cmpuint(n, ==, lf_plan_count(plan, LF_PLAN_CHANGE));
        if (n > 0)
          g_assert_false(unchanged(c));
        /* A second profile on top: undo still goes back to the original. */
        g_autoptr(LfPlan) again = plan_for(c, profiles[(p + 1) % 3], (LfPowerSource)s);
        g_assert_true(lf_plan_apply(c->sysroot, again, &o, NULL, &error));
        if (!journal_exists(c)) {
          g_assert_true(unchanged(c));
          continue;
        }
        g_autoptr(LfSysroot) fresh = lf_sysroot_new(c->root, &error);
        guint restored = 0;
        g_assert_true(lf_journal_undo(fresh, &o, &restored, &error));
        g_assert_no_error(error);
        if (!unchanged(c))
          g_error("%s %s %d: undo did not restore the tree", machines[m], profiles[p], s);
        g_assert_false(journal_exists(c));
        g_assert_false(lf_journal_undo(fresh, &o, NULL, &error));
        g_assert_error(error, LF_ERROR, LF_ERROR_NOT_FOUND);
      }
    }
}

static void test_machine_facts(void)
{
  g_autoptr(Copy) tp = copy_new("thinkpad-x1c11");
  g_autoptr(LfPlan) plan = plan_for(tp, "power-saver", LF_POWER_BATTERY);
  gboolean saw_hid = FALSE, saw_threshold = FALSE, saw_profile = FALSE;
  for (guint i = 0; i < plan->rows->len; i++) {
    const LfPlanRow *r = plan->rows->pdata[i];
    if (g_str_equal(r->knob->id, "usb_autosuspend") && g_str_equal(r->instance, "1-2")) {
      g_assert_cmpint(r->action, ==, LF_PLAN_SKIP);
      saw_hid = TRUE;
    }
    if (g_str_equal(r->knob->id, "charge_stop_threshold"))
      saw_threshold = TRUE;
    if (g_str_equal(r->knob->id, "platform_profile")) {
      g_assert_cmpstr(r->to, ==, "low-power");
      saw_profile = TRUE;
    }
  }
  g_assert_true(saw_hid && saw_threshold && saw_profile);
  LfApplyOptions o = opts_for(tp);
  g_autoptr(GError) error = NULL;
  g_assert_true(lf_plan_apply(tp->sysroot, plan, &o, NULL, &error));
  /* HID keeps autosuspend off; the camera next to it is suspended. */
  g_autofree char *hid = slurp(tp, "sys/bus/usb/devices/1-2/power/control");
  g_assert_cmpstr(hid, ==, "on\n");
  g_autofree char *cam = slurp(tp, "sys/bus/usb/devices/1-6/power/control");
  g_assert_cmpstr(cam, ==, "auto\n");
  /* Written through sys/class links into sys/devices, as echo writes. */
  g_autofree char *bl = slurp(tp, "sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-eDP-1/"
                                  "intel_backlight/brightness");
  g_assert_cmpstr(bl, ==, "9600\n");
  g_autofree char *mei = slurp(tp, "sys/bus/pci/devices/0000:00:16.0/power/control");
  g_assert_cmpstr(mei, ==, "on\n");

  /* AMD: amd-pstate EPP. */
  g_autoptr(Copy) amd = copy_new("amd-ideapad5");
  g_autoptr(LfPlan) ap = plan_for(amd, "power-saver", LF_POWER_AC);
  guint epp = 0;
  for (guint i = 0; i < ap->rows->len; i++) {
    const LfPlanRow *r = ap->rows->pdata[i];
    if (g_str_equal(r->knob->id, "cpu_epp")) {
      g_assert_cmpstr(r->to, ==, "power");
      epp++;
    }
    if (g_str_equal(r->knob->id, "usb_autosuspend") && g_str_equal(r->instance, "3-1"))
      g_assert_cmpint(r->action, ==, LF_PLAN_SKIP);
    g_assert_cmpstr(r->knob->id, !=, "charge_start_threshold");   /* none on this machine */
  }
  g_assert_cmpuint(epp, ==, 6);

  /* Core 2: governors only, schedutil preferred over a pinned powersave. */
  g_autoptr(Copy) c2 = copy_new("core2-d630");
  g_autoptr(LfPlan) cp = plan_for(c2, "balanced", LF_POWER_BATTERY);
  guint gov = 0;
  for (guint i = 0; i < cp->rows->len; i++) {
    const LfPlanRow *r = cp->rows->pdata[i];
    g_assert_cmpstr(r->knob->id, !=, "cpu_epp");
    g_assert_cmpstr(r->knob->id, !=, "platform_profile");
    if (g_str_equal(r->knob->id, "cpu_governor")) {
      g_assert_cmpstr(r->to, ==, "schedutil");
      gov++;
    }
    if (g_str_equal(r->knob->id, "sata_alpm"))
      g_assert_cmpstr(r->to, ==, "med_power_with_dipm");
  }
  g_assert_cmpuint(gov, ==, 2);
  g_assert_cmpint(lf_power_source_detect(c2->sysroot), ==, LF_POWER_AC);
  g_assert_cmpint(lf_power_source_detect(tp->sysroot), ==, LF_POWER_BATTERY);
}

/* Failure injection: the kernel refusing a value, a file
 * that vanishes or turns into a directory, or becomes read-only, between the
 * journal and the write. */
static const char *sabotage_mode;
static char *sabotage_path;        /* full path of the victim */
static const char *const victim = "proc/sys/vm/dirty_writeback_centisecs";   /* late in order */

static char *sabotage_journal;     /* must exist, naming the victim, before any write */

static gboolean sabotaging_write(const LfSysroot *root, const char *rel, const char *value,
                                 GError **error)
{
  if (sabotage_journal) {
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(sabotage_journal, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, victim));
  }
  if (sabotage_mode && g_str_equal(rel, victim)) {
    const char *mode = sabotage_mode;
    sabotage_mode = NULL;   /* once: the rollback may write it back */
    if (g_str_equal(mode, "kernel-einval")) {
      g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "cannot write '%s': Invalid argument",
                  rel);
      return FALSE;
    }
    if (g_str_equal(mode, "vanished"))
      g_assert_cmpint(g_unlink(sabotage_path), ==, 0);
    else if (g_str_equal(mode, "directory"))
      g_assert_true(g_unlink(sabotage_path) == 0 && g_mkdir(sabotage_path, 0755) == 0);
    else if (g_str_equal(mode, "read-only"))
      g_assert_cmpint(g_chmod(sabotage_path, 0444), ==, 0);
  }
  return lf_sysroot_write(root, rel, value, error);
}

static void check_rollback(const char *mode)
{
  g_autoptr(Copy) c = copy_new("thinkpad-x1c11");
  g_autoptr(LfPlan) plan = plan_for(c, "power-saver", LF_POWER_BATTERY);
  guint changes = lf_plan_count(plan, LF_PLAN_CHANGE);
  g_assert_cmpuint(changes, >, 5);
  g_free(sabotage_path);
  sabotage_path = g_build_filename(c->root, victim, NULL);
  sabotage_mode = mode;
  sabotage_journal = g_build_filename(c->state, "journal.json", NULL);
  LfApplyOptions o = { c->state, FALSE, 1000, sabotaging_write };
  g_autoptr(GError) error = NULL;
  g_assert_false(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
  g_clear_pointer(&sabotage_journal, g_free);
  g_assert_null(sabotage_mode);   /* the victim was reached */
  g_assert_nonnull(error);
  g_test_message("%s: %s", mode, error->message);
  g_assert_nonnull(strstr(error->message, "dirty_writeback_centisecs"));
  g_assert_nonnull(strstr(error->message, "rolled back"));
  g_assert_null(strchr(error->message, '\n'));
  g_assert_false(journal_exists(c));
  /* Put the victim back as it was; everything else must already be. */
  if (g_file_test(sabotage_path, G_FILE_TEST_IS_DIR))
    g_rmdir(sabotage_path);
  g_chmod(sabotage_path, 0644);
  g_assert_true(g_file_set_contents(sabotage_path, "500\n", -1, NULL));
  g_assert_true(unchanged(c));
}

static void test_rollback(void)
{
  check_rollback("kernel-einval");
  check_rollback("vanished");
  check_rollback("directory");
  if (geteuid() != 0)
    check_rollback("read-only");
  else   /* root ignores file modes; kernel-einval covers the same path */
    g_test_message("read-only case skipped: running as root");
  g_clear_pointer(&sabotage_path, g_free);

  /* Gone before apply starts (unplugged after the plan): nothing is written. */
  g_autoptr(Copy) c = copy_new("thinkpad-x1c11");
  g_autoptr(LfPlan) plan = plan_for(c, "power-saver", LF_POWER_BATTERY);
  g_autofree char *path = g_build_filename(c->root, victim, NULL);
  g_assert_cmpint(g_unlink(path), ==, 0);
  LfApplyOptions o = opts_for(c);
  g_autoptr(GError) error = NULL;
  g_assert_false(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
  g_assert_nonnull(strstr(error->message, "dirty_writeback_centisecs"));
  g_assert_false(journal_exists(c));
  g_assert_true(g_file_set_contents(path, "500\n", -1, NULL));
  g_assert_true(unchanged(c));
}

/* The process dies between two writes (power cut, kill -9): the journal on
 * disk lets a new process undo everything. */
static gboolean dying_write(const LfSysroot *root, const char *rel, const char *value,
                            GError **error)
{
  if (g_str_equal(rel, victim))
    _exit(3);
  return lf_sysroot_write(root, rel, value, error);
}

static void test_crash_then_undo(void)
{
  g_autoptr(Copy) c = copy_new("thinkpad-x1c11");
  g_autoptr(LfPlan) plan = plan_for(c, "power-saver", LF_POWER_BATTERY);
  fflush(NULL);
  pid_t pid = fork();
  g_assert_cmpint(pid, >=, 0);
  if (pid == 0) {
    LfApplyOptions o = { c->state, FALSE, 1000, dying_write };
    lf_plan_apply(c->sysroot, plan, &o, NULL, NULL);
    _exit(0);
  }
  int status = 0;
  g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
  g_assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 3);
  g_assert_true(journal_exists(c));
  g_assert_false(unchanged(c));   /* half applied */
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSysroot) fresh = lf_sysroot_new(c->root, &error);
  LfApplyOptions o = opts_for(c);
  g_assert_true(lf_journal_undo(fresh, &o, NULL, &error));   /* the lock died with it */
  g_assert_no_error(error);
  g_assert_true(unchanged(c));
}

/* A file that vanishes after the journal is written (a device unplugged
 * mid-apply): apply_locked reads every file first, so unplug between plan and
 * apply is the case above; here the journal already holds a previous run. */
static void test_rollback_keeps_previous_journal(void)
{
  g_autoptr(Copy) c = copy_new("core2-d630");
  LfApplyOptions o = opts_for(c);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfPlan) first = plan_for(c, "balanced", LF_POWER_AC);
  g_assert_true(lf_plan_apply(c->sysroot, first, &o, NULL, &error));
  g_autofree char *jpath = g_build_filename(c->state, "journal.json", NULL);
  g_autofree char *before = NULL;
  g_assert_true(g_file_get_contents(jpath, &before, NULL, NULL));
  g_autoptr(LfPlan) second = plan_for(c, "power-saver", LF_POWER_BATTERY);
  g_autofree char *path = g_build_filename(c->root, "proc/sys/vm/dirty_writeback_centisecs", NULL);
  g_unlink(path);
  g_mkdir(path, 0755);
  g_assert_false(lf_plan_apply(c->sysroot, second, &o, NULL, &error));
  g_clear_error(&error);
  g_autofree char *after = NULL;
  g_assert_true(g_file_get_contents(jpath, &after, NULL, NULL));
  g_assert_cmpstr(before, ==, after);
  g_rmdir(path);
  g_assert_true(g_file_set_contents(path, "500\n", -1, NULL));
  g_assert_true(lf_journal_undo(c->sysroot, &o, NULL, &error));
  g_assert_no_error(error);
  g_assert_true(unchanged(c));
}

static void test_whitelist(void)
{
  g_autoptr(Copy) c = copy_new("thinkpad-x1c11");
  LfApplyOptions o = opts_for(c);
  g_autoptr(GError) error = NULL;
  /* A knob file replaced by a link that leaves sysfs (inside the root). */
  g_autofree char *gov = g_build_filename(c->root, "sys/devices/system/cpu/cpufreq/policy2/"
                                          "energy_performance_preference", NULL);
  g_assert_cmpint(g_unlink(gov), ==, 0);
  g_assert_cmpint(symlink("../../../../../../etc/os-release", gov), ==, 0);
  g_autoptr(LfPlan) plan = plan_for(c, "power-saver", LF_POWER_BATTERY);
  g_assert_false(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
  g_assert_nonnull(strstr(error->message, "outside /sys"));
  g_clear_error(&error);
  g_assert_false(journal_exists(c));
  g_autofree char *osr = slurp(c, "etc/os-release");
  g_assert_nonnull(strstr(osr, "ID=debian"));
  /* ... and one that leaves the root altogether: read inside the root (#13) it
   * leads nowhere, so the knob is absent from the plan (writes refuse it: test-sysroot). */
  g_assert_cmpint(g_unlink(gov), ==, 0);
  g_assert_cmpint(symlink("/etc/hostname", gov), ==, 0);
  g_autoptr(LfPlan) plan2 = plan_for(c, "power-saver", LF_POWER_BATTERY);
  for (guint i = 0; i < plan2->rows->len; i++) {
    const LfPlanRow *r = plan2->rows->pdata[i];
    g_assert_false(r->action == LF_PLAN_CHANGE &&
                   g_str_has_suffix(r->path, "policy2/energy_performance_preference"));
  }
  g_assert_false(journal_exists(c));
  g_assert_cmpint(g_unlink(gov), ==, 0);
  g_assert_true(g_file_set_contents(gov, "balance_performance\n", -1, NULL));
  g_assert_true(unchanged(c));

  /* A row whose path is not its knob's (a tampered plan) is refused. */
  g_autoptr(LfPlan) bad = plan_for(c, "power-saver", LF_POWER_BATTERY);
  for (guint i = 0; i < bad->rows->len; i++) {
    LfPlanRow *r = bad->rows->pdata[i];
    if (r->action == LF_PLAN_CHANGE && g_str_equal(r->knob->id, "nmi_watchdog")) {
      g_free(r->path);
      r->path = g_strdup("proc/sys/kernel/panic");
    }
  }
  g_assert_false(lf_plan_apply(c->sysroot, bad, &o, NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
  g_assert_true(unchanged(c));
}

static void test_lock(void)
{
  g_autoptr(Copy) c = copy_new("amd-ideapad5");
  g_autoptr(GError) error = NULL;
  int fd = lf_tune_lock(c->state, 0, &error);
  g_assert_no_error(error);
  g_assert_cmpint(fd, >=, 0);
  g_autoptr(LfPlan) plan = plan_for(c, "power-saver", LF_POWER_AC);
  LfApplyOptions o = { c->state, FALSE, 200, NULL };
  gint64 t0 = g_get_monotonic_time();
  g_assert_false(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
  gint64 waited = g_get_monotonic_time() - t0;
  g_assert_error(error, LF_ERROR, LF_ERROR_CONFLICT);
  g_assert_null(strchr(error->message, '\n'));
  g_assert_cmpint(waited, >=, 150 * 1000);
  g_assert_cmpint(waited, <, 5 * G_USEC_PER_SEC);
  g_clear_error(&error);
  g_assert_true(unchanged(c));
  lf_tune_unlock(fd);
  g_assert_true(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
  g_assert_no_error(error);
}

static void test_damaged_journal(void)
{
  g_autoptr(Copy) c = copy_new("core2-d630");
  g_mkdir_with_parents(c->state, 0755);
  g_autofree char *j = g_build_filename(c->state, "journal.json", NULL);
  g_assert_true(g_file_set_contents(j, "{\"schema\": \"lapfit-tune-journal/1\", \"entries\": [1]}",
                                    -1, NULL));
  LfApplyOptions o = opts_for(c);
  g_autoptr(GError) error = NULL;
  g_assert_false(lf_journal_undo(c->sysroot, &o, NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_clear_error(&error);
  /* A journal naming a path outside its knob's pattern is not obeyed. */
  g_autofree char *b64 = g_base64_encode((const guchar *)"x\n", 2);
  g_autofree char *evil = g_strdup_printf(
      "{\"schema\": \"lapfit-tune-journal/1\", \"profile\": \"balanced\", \"entries\": "
      "[{\"knob\": \"nmi_watchdog\", \"path\": \"etc/os-release\", \"old\": \"%s\"}]}", b64);
  g_assert_true(g_file_set_contents(j, evil, -1, NULL));
  g_assert_false(lf_journal_undo(c->sysroot, &o, NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
  g_remove(j);
  g_assert_true(unchanged(c));
}

static void test_conflicts(void)
{
  static const struct {
    const char *root, *id;
    gboolean running, enabled;
  } cases[] = {
    { "tlp-running", "tlp", TRUE, FALSE },
    { "ppd-enabled", "power-profiles-daemon", FALSE, TRUE },
    { "ppd-masked", NULL, FALSE, FALSE },
    { "tuned-python", "tuned", TRUE, FALSE },
    { "lmt-sysv", "laptop-mode-tools", FALSE, TRUE },
    { "auto-cpufreq-runit", "auto-cpufreq", FALSE, TRUE },
    { "tuned-ppd", "tuned-ppd", TRUE, FALSE },
    { "tlp-pd", "tlp-pd", TRUE, FALSE },
    { "system76-power", "system76-power", TRUE, FALSE },
    { "none", NULL, FALSE, FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_build_filename(FIX, "conflicts", cases[i].root, NULL);
    g_autoptr(LfSysroot) root = lf_sysroot_new(dir, &error);
    g_assert_no_error(error);
    g_autoptr(LfProfile) saver = lf_profile_load(root, "power-saver", NULL, &error);
    g_assert_no_error(error);
    g_autoptr(GPtrArray) found = lf_tuners_detect(root);
    if (cases[i].id == NULL) {
      g_assert_cmpuint(found->len, ==, 0);
      g_assert_true(lf_tuners_check(root, saver, &error));
      continue;
    }
    g_assert_cmpuint(found->len, ==, 1);
    const LfTuner *t = found->pdata[0];
    g_assert_cmpstr(t->id, ==, cases[i].id);
    g_assert_cmpint(t->running, ==, cases[i].running);
    g_assert_cmpint(t->enabled, ==, cases[i].enabled);
    /* These roots have no knobs: nothing is written twice, so no conflict. */
    g_assert_true(lf_tuners_check(root, saver, &error));

    /* The probe reports it too. */
    LfProbeOptions po = { 0 };
    LfProbeContext ctx = { &po, root, NULL };
    g_autoptr(LfReport) report = lf_report_new();
    lf_probe_tuners(&ctx, report);
    g_assert_true(lf_strv_contains(report->power.tuners_running, cases[i].id));
  }

  /* Apply on a machine where TLP runs: refused unless forced. */
  g_autoptr(Copy) c = copy_new("amd-ideapad5");
  put(c, "proc/4242/comm", "tlp\n");
  g_autoptr(LfPlan) plan = plan_for(c, "power-saver", LF_POWER_AC);
  LfApplyOptions o = opts_for(c);
  g_autoptr(GError) error = NULL;
  g_assert_false(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_CONFLICT);
  /* The first knob both would write: amd-pstate's EPP (the governor stays). */
  g_assert_nonnull(strstr(error->message, "TLP is running and also sets cpu_epp"));
  g_clear_error(&error);
  g_assert_false(journal_exists(c));
  /* `tune install` names the knob too. */
  g_autoptr(LfProfile) saver = lf_profile_load(c->sysroot, "power-saver", NULL, &error);
  g_assert_false(lf_tuners_check(c->sysroot, saver, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_CONFLICT);
  g_assert_nonnull(strstr(error->message, "TLP is running (proc/4242) and also sets"));
  g_clear_error(&error);
  o.force = TRUE;
  g_assert_true(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
  g_assert_no_error(error);
}

/* TLP and laptop-mode-tools have no process that stays: udev runs them on every
 * AC/battery change, so enabled is enough to fight over a knob. A daemon that
 * is enabled but not running writes nothing. */
static void test_conflicts_enabled(void)
{
  static const struct {
    const char *link, *message;
  } cases[] = {
    { "etc/systemd/system/multi-user.target.wants/tlp.service",
      "TLP is enabled and sets cpu_epp too, at boot and on every AC/battery change" },
    { "etc/rc2.d/S01laptop-mode",
      "laptop-mode-tools is enabled and sets pci_runtime_pm too" },
    { "etc/systemd/system/graphical.target.wants/power-profiles-daemon.service", NULL },
    { "etc/runit/runsvdir/default/auto-cpufreq", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autoptr(Copy) c = copy_new("amd-ideapad5");
    put(c, cases[i].link, "");
    g_autoptr(LfPlan) plan = plan_for(c, "power-saver", LF_POWER_AC);
    LfApplyOptions o = opts_for(c);
    g_autoptr(GError) error = NULL;
    if (cases[i].message == NULL) {
      g_assert_true(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
      g_assert_no_error(error);
      continue;
    }
    g_assert_false(lf_plan_apply(c->sysroot, plan, &o, NULL, &error));
    g_assert_error(error, LF_ERROR, LF_ERROR_CONFLICT);
    if (strstr(error->message, cases[i].message) == NULL)
      g_error("%s: %s", cases[i].link, error->message);
    g_assert_false(journal_exists(c));
  }
}

static void test_layers(void)
{
  g_autoptr(Copy) c = copy_new("core2-d630");
  put(c, "etc/lapfit/profiles.d/balanced.conf", "[knobs]\ncpu_governor_ON_BAT=conservative\n");
  put(c, "etc/lapfit/profiles.d/office.conf",
      "[profile]\nbase=power-saver\ndescription=Office\n[knobs]\nbrightness_cap=\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LfProfile) b = lf_profile_load(c->sysroot, "balanced", NULL, &error);
  g_assert_no_error(error);
  const char *origin = NULL;
  g_assert_cmpstr(lf_profile_get(b, "cpu_governor", LF_POWER_BATTERY, &origin), ==,
                  "conservative");
  g_assert_true(g_str_has_suffix(origin, "etc/lapfit/profiles.d/balanced.conf:2"));
  g_assert_cmpstr(lf_profile_get(b, "cpu_governor", LF_POWER_AC, &origin), !=, "conservative");
  g_assert_true(g_str_has_prefix(origin, "profiles/balanced.conf (built-in)"));

  g_autoptr(LfProfile) office = lf_profile_load(c->sysroot, "office", NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(lf_profile_name(office), ==, "office");
  g_assert_cmpstr(lf_profile_get(office, "charge_stop_threshold", LF_POWER_AC, NULL), ==, "80");
  g_assert_null(lf_profile_get(office, "brightness_cap", LF_POWER_BATTERY, NULL));
  g_autoptr(GPtrArray) names = lf_profile_list(c->sysroot);
  g_assert_cmpuint(names->len, ==, 4);

  put(c, "etc/lapfit/profiles.d/broken.conf", "[knobs]\n# fine\ncpu_governor=powersave\nwhat\n");
  g_autoptr(LfProfile) broken = lf_profile_load(c->sysroot, "broken", NULL, &error);
  g_assert_null(broken);
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_autofree char *want = g_strdup_printf("%s/etc/lapfit/profiles.d/broken.conf:4:", c->root);
  g_assert_true(g_str_has_prefix(error->message, want));
  g_clear_error(&error);
  put(c, "etc/lapfit/profiles.d/loop.conf", "[profile]\nbase=loop\n");
  g_autoptr(LfProfile) loop = lf_profile_load(c->sysroot, "loop", NULL, &error);
  g_assert_null(loop);
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
}

static void test_measure(void)
{
  g_autoptr(Copy) c = copy_new("thinkpad-x1c11");
  g_autoptr(GError) error = NULL;
  LfPowerSample a, b;
  g_assert_true(lf_power_sample(c->sysroot, &a, &error));
  g_assert_true(a.discharging);
  g_assert_cmpfloat_with_epsilon(a.power_w, 8.2, 1e-9);
  g_assert_cmpfloat_with_epsilon(a.energy_wh, 41.0, 1e-9);
  put(c, "sys/class/power_supply/BAT0/energy_now", "40900000\n");
  g_assert_true(lf_power_sample(c->sysroot, &b, &error));
  b.time_us = a.time_us + 36 * G_USEC_PER_SEC;   /* 0.1 Wh in 36 s = 10 W */
  g_assert_cmpfloat_with_epsilon(lf_power_between(&a, &b), 10.0, 1e-6);
  /* Energy unchanged (coarse firmware updates): mean of power_now. */
  put(c, "sys/class/power_supply/BAT0/power_now", "7800000\n");
  LfPowerSample d;
  g_assert_true(lf_power_sample(c->sysroot, &d, &error));
  d.time_us = b.time_us + G_USEC_PER_SEC;
  g_assert_cmpfloat_with_epsilon(lf_power_between(&b, &d), 8.0, 1e-6);

  /* Charge units on AC (Full): no draw to report. */
  g_autoptr(Copy) c2 = copy_new("core2-d630");
  g_assert_true(lf_power_sample(c2->sysroot, &a, &error));
  g_assert_false(a.discharging);
  g_assert_cmpfloat_with_epsilon(a.energy_wh, 3.9 * 12.4, 1e-6);
  g_assert_true(isnan(lf_power_between(&a, &a)));
  g_autoptr(Copy) none = copy_new("conflicts");
  g_assert_false(lf_power_sample(none->sysroot, &a, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED);
}

static void test_install(void)
{
  g_autoptr(Copy) c = copy_new("amd-ideapad5");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_assert_true(lf_tune_install(c->sysroot, "/usr/bin/lapfit", "power-saver", &written, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(written->len, ==, 3);
  g_autofree char *svc = slurp(c, "etc/systemd/system/lapfit-tune.service");
  g_assert_nonnull(strstr(svc, "ExecStart=/usr/bin/lapfit tune auto power-saver\n"));
  g_assert_nonnull(strstr(svc, "WantedBy=multi-user.target"));
  g_autofree char *rule = slurp(c, "etc/udev/rules.d/90-lapfit-tune.rules");
  g_assert_nonnull(strstr(rule, "SUBSYSTEM==\"power_supply\""));
  g_autofree char *link = g_build_filename(
      c->root, "etc/systemd/system/multi-user.target.wants/lapfit-tune.service", NULL);
  g_autofree char *target = g_file_read_link(link, NULL);
  g_assert_cmpstr(target, ==, "/etc/systemd/system/lapfit-tune.service");
  /* Installing again is fine; our own service is no conflict. */
  g_assert_true(lf_tune_install(c->sysroot, "/usr/bin/lapfit", "balanced", NULL, &error));
  g_autoptr(LfProfile) balanced = lf_profile_load(c->sysroot, "balanced", NULL, NULL);
  g_assert_true(lf_tuners_check(c->sysroot, balanced, &error));
  g_assert_false(lf_tune_install(c->sysroot, "/usr/bin/lapfit", "/tmp/x.conf", NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_USAGE);
  g_clear_error(&error);
  g_autoptr(GPtrArray) removed = NULL;
  g_assert_true(lf_tune_uninstall(c->sysroot, &removed, &error));
  g_assert_cmpuint(removed->len, ==, 3);
  /* Empty directories stay; the tree is otherwise the fixture again. */
  sh("find '%s/etc/systemd' '%s/etc/udev' -depth -type d -empty -delete", c->root, c->root);
  g_assert_true(unchanged(c));
  /* Someone else's file with our name is left alone. */
  put(c, "etc/udev/rules.d/90-lapfit-tune.rules", "# mine\n");
  g_assert_false(lf_tune_install(c->sysroot, "/usr/bin/lapfit", "balanced", NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_CONFLICT);
  g_clear_error(&error);
  g_assert_false(lf_tune_uninstall(c->sysroot, NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_CONFLICT);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/tune/apply/round-trip", test_round_trip);
  g_test_add_func("/tune/apply/machines", test_machine_facts);
  g_test_add_func("/tune/apply/rollback", test_rollback);
  g_test_add_func("/tune/apply/rollback-journal", test_rollback_keeps_previous_journal);
  g_test_add_func("/tune/apply/crash-then-undo", test_crash_then_undo);
  g_test_add_func("/tune/apply/whitelist", test_whitelist);
  g_test_add_func("/tune/apply/lock", test_lock);
  g_test_add_func("/tune/journal/damaged", test_damaged_journal);
  g_test_add_func("/tune/conflicts", test_conflicts);
  g_test_add_func("/tune/conflicts-enabled", test_conflicts_enabled);
  g_test_add_func("/tune/profile/layers", test_layers);
  g_test_add_func("/tune/measure", test_measure);
  g_test_add_func("/tune/install", test_install);
  return g_test_run();
}
