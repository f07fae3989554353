/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tune auto: apply the profile's values for the current power source, then
 * follow AC/battery changes through a libudev monitor on power_supply (what
 * TLP does with a udev rule running `tlp auto`, without a process per event). */
#include "tune/tune.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "core/error.h"

#include "core/udev.h"

typedef struct {
  const LfSysroot *root;
  const char *profile;
  const LfApplyOptions *opts;
  LfAutoFunc notify;
  gpointer user_data;
  gboolean have_last;
  LfPowerSource last;
} AutoState;

/* The profile is loaded again on every switch so edits in profiles.d apply. */
static void switch_to(AutoState *s, LfPowerSource source)
{
  s->have_last = TRUE;
  s->last = source;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  /* A full charge ends when the AC is unplugged; on AC its limits stay lifted. */
  gboolean hold = lf_tune_fullcharge_pending(s->root, s->opts);
  if (hold && source == LF_POWER_BATTERY) {
    guint back = 0;
    hold = !lf_tune_fullcharge_restore(s->root, s->opts, &back, &error);
    g_debug("auto: full charge over, %u limits restored", back);
  }
  g_autoptr(LfProfile) profile = error ? NULL : lf_profile_load(s->root, s->profile, NULL, &error);
  if (profile) {
    g_autoptr(GPtrArray) states = lf_knobs_read(s->root);
    g_autoptr(LfPlan) plan = lf_plan_new(states, profile, source);
    if (hold)
      lf_plan_hold_charge(plan);
    lf_plan_apply(s->root, plan, s->opts, &n, &error);
  }
  g_debug("auto: %s, %u written%s%s", lf_power_source_to_string(source), n,
          error ? ": " : "", error ? error->message : "");
  if (s->notify)
    s->notify(source, n, error, s->user_data);
}

static void on_uevent(const char *action, const char *sysname, gpointer user_data)
{
  AutoState *s = user_data;
  LfPowerSource now = lf_power_source_detect(s->root);
  if (!s->have_last || now != s->last)
    switch_to(s, now);
}

static void on_cancel(GCancellable *cancellable, gpointer loop)
{
  g_main_loop_quit(loop);
}

gboolean lf_tune_auto_run(const LfSysroot *root, const char *profile,
                          const LfApplyOptions *opts, GCancellable *cancellable,
                          LfAutoFunc notify, gpointer user_data, GError **error)
{
  g_return_val_if_fail(root != NULL, FALSE);
  g_autofree char *name = g_strdup(profile);
  if (name == NULL) {
    /* The profile applied last (journal), else the default. */
    g_autofree char *dir = lf_tune_state_dir(root, opts);
    g_autoptr(LfJournal) journal = NULL;
    if (lf_journal_load(dir, &journal, NULL) && journal && journal->profile)
      name = g_strdup(journal->profile);
    else
      name = g_strdup("balanced");
  }
  /* Fail early (privileges, a bad profile) rather than on every event. */
  if (lf_sysroot_is_live(root) && geteuid() != 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("following AC/battery changes needs root: run it with sudo or install the "
                  "service (lapfit tune install)"));
    return FALSE;
  }
  /* The profile is read again on every switch. */
  g_autoptr(LfProfile) check = lf_profile_load(root, name, NULL, error);
  if (check == NULL)
    return FALSE;

  AutoState s = { root, name, opts, notify, user_data, FALSE, LF_POWER_AC };
  g_autoptr(LfUdevMonitor) monitor = lf_udev_monitor_new("power_supply", on_uevent, &s, error);
  if (monitor == NULL)
    return FALSE;
  switch_to(&s, lf_power_source_detect(root));

  g_autoptr(GMainLoop) loop = g_main_loop_new(g_main_context_get_thread_default(), FALSE);
  gulong id = cancellable ? g_cancellable_connect(cancellable, G_CALLBACK(on_cancel), loop, NULL)
                          : 0;
  if (cancellable == NULL || !g_cancellable_is_cancelled(cancellable))
    g_main_loop_run(loop);
  if (cancellable)
    g_cancellable_disconnect(cancellable, id);
  return TRUE;
}
