/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tune fullcharge: one charge to 100 % before a trip, then the limits come
 * back by themselves. The lifted values are an ordinary plan (journaled, so
 * undo still restores the state before lapfit); the limits to bring back are
 * kept in <state_dir>/fullcharge.json until the AC is unplugged (`tune auto`,
 * also started by the installed udev rule) or the next `tune apply`. */
#include "tune/tune.h"

#include <glib/gi18n.h>

#include "core/error.h"

#define PENDING_FILE "fullcharge.json"

/* Vendor switches follow the stop threshold (100 = off); start as high as the
 * driver allows below it, so charging begins at once. */
static const char lift[] =
    "[profile]\n"
    "description=one full charge\n"
    "[knobs]\n"
    "charge_type=Standard\n"
    "charge_start_threshold=99\n"
    "charge_stop_threshold=100\n";

gboolean lf_knob_is_charge(const LfKnob *knob)
{
  return g_str_has_prefix(knob->id, "charge_");
}

void lf_plan_hold_charge(LfPlan *plan)
{
  for (guint i = 0; i < plan->rows->len; i++) {
    LfPlanRow *r = plan->rows->pdata[i];
    if (!lf_knob_is_charge(r->knob) || r->action == LF_PLAN_SKIP)
      continue;
    r->action = LF_PLAN_SKIP;
    r->reason_id = "full-charge";
    g_free(r->reason);
    r->reason = g_strdup(_("a full charge is under way ('lapfit tune fullcharge'); the limit "
                           "returns when the AC is unplugged"));
  }
}

gboolean lf_tune_fullcharge_pending(const LfSysroot *root, const LfApplyOptions *opts)
{
  g_autofree char *dir = lf_tune_state_dir(root, opts);
  g_autofree char *path = g_build_filename(dir, PENDING_FILE, NULL);
  return g_file_test(path, G_FILE_TEST_EXISTS);
}

gboolean lf_tune_fullcharge(const LfSysroot *root, const LfApplyOptions *opts, guint *n_written,
                            GError **error)
{
  g_autoptr(LfProfile) profile = lf_profile_parse("fullcharge", "fullcharge", lift,
                                                  sizeof lift - 1, error);
  if (profile == NULL)
    return FALSE;
  g_autoptr(GPtrArray) states = lf_knobs_read(root);
  g_autoptr(LfPlan) plan = lf_plan_new(states, profile, lf_power_source_detect(root));
  if (plan->rows->len == 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("this machine has no battery charge limit that lapfit can change"));
    return FALSE;
  }
  g_autofree char *dir = lf_tune_state_dir(root, opts);
  g_autoptr(LfJournal) pending = NULL;
  if (!lf_journal_load_file(dir, PENDING_FILE, &pending, error))
    return FALSE;
  gboolean created = pending == NULL;
  if (created) {
    pending = lf_journal_new();
    pending->profile = g_strdup("fullcharge");
    pending->source = g_strdup(lf_power_source_to_string(plan->source));
    pending->updated = g_get_real_time() / G_USEC_PER_SEC;
    for (guint i = 0; i < plan->rows->len; i++) {
      const LfPlanRow *r = plan->rows->pdata[i];
      if (r->action != LF_PLAN_CHANGE)
        continue;
      LfJournalEntry *e = g_new0(LfJournalEntry, 1);
      e->knob = g_strdup(r->knob->id);
      e->path = g_strdup(r->path);
      e->old = g_bytes_new(r->from, strlen(r->from));   /* the parsed value to write back */
      g_ptr_array_add(pending->entries, e);
    }
    if (pending->entries->len > 0 && !lf_journal_save_file(dir, PENDING_FILE, pending, error))
      return FALSE;
  }
  if (!lf_plan_apply(root, plan, opts, n_written, error)) {
    if (created)
      lf_journal_remove_file(dir, PENDING_FILE, NULL);
    return FALSE;
  }
  return TRUE;
}

static void row_free(gpointer p)
{
  LfPlanRow *r = p;
  g_free(r->path);
  g_free(r->instance);
  g_free(r->to);
  g_free(r);
}

gboolean lf_tune_fullcharge_restore(const LfSysroot *root, const LfApplyOptions *opts,
                                    guint *n_restored, GError **error)
{
  g_autofree char *dir = lf_tune_state_dir(root, opts);
  g_autoptr(LfJournal) pending = NULL;
  if (!lf_journal_load_file(dir, PENDING_FILE, &pending, error))
    return FALSE;
  guint n = 0;
  if (pending) {
    LfPlan plan = { "fullcharge", lf_power_source_detect(root),
                    g_ptr_array_new_with_free_func(row_free) };
    for (guint i = 0; i < pending->entries->len; i++) {
      const LfJournalEntry *e = pending->entries->pdata[i];
      LfPlanRow *r = g_new0(LfPlanRow, 1);
      r->knob = lf_knob_find(e->knob);
      if (r->knob == NULL || !lf_knob_is_charge(r->knob)) {
        g_free(r);
        continue;   /* a damaged or foreign file names no knob of ours */
      }
      gsize len = 0;
      const char *data = g_bytes_get_data(e->old, &len);
      r->path = g_strdup(e->path);
      r->instance = g_strdup("");
      r->to = g_strndup(data ? data : "", len);
      r->action = LF_PLAN_CHANGE;
      g_ptr_array_add(plan.rows, r);
    }
    gboolean ok = lf_plan_apply(root, &plan, opts, &n, error);
    g_ptr_array_unref(plan.rows);
    if (!ok || !lf_journal_remove_file(dir, PENDING_FILE, error))
      return FALSE;
  }
  if (n_restored)
    *n_restored = n;
  return TRUE;
}
