/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tune: the tuner's plan for a profile (every knob instance, current and
 * target value), a diff preview, apply with a confirmation and undo. The
 * plan, the writes and the journal are src/tune/'s: the same calls as
 * `lapfit tune plan|apply|undo`. */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <unistd.h>

#include "tui.h"

#if __has_include("tune/tune.h")
#include "core/error.h"
#include "tune/tune.h"

/* `tune measure` in a worker thread: the draw under the current settings,
 * then with the profile applied through a journal of its own, which the
 * thread undoes before it ends (also when stopped or the TUI quits). */
typedef struct {
  const LfSysroot *root;    /* the view's: it joins this thread before freeing it */
  char *profile;
  LfPlan *plan;
  char *state_dir;          /* <state>/measure */
  guint seconds;
  gint64 started_us, stage_us;
  gint stage;               /* atomic: 0 before, 1 with the profile, 2 done */
  LfPowerWindow before, after;
  guint written, restored;
  GError *error;
  GThread *thread;
} LfMeasureJob;

/* lf_power_window's stop callback takes no data: one measurement at a time. */
static gint measure_stop;

static gboolean measure_stopped(void)
{
  return g_atomic_int_get(&measure_stop) != 0;
}

typedef struct {
  LfSysroot *root;          /* NULL with a saved report */
  GError *root_error;
  GPtrArray *states;        /* LfKnobState, read when the screen opens */
  GPtrArray *profiles;      /* char * */
  guint profile_index;
  LfPowerSource source;
  LfPlan *plan;
  GError *plan_error;
  GPtrArray *tuners;        /* LfTuner */
  LfJournal *journal;       /* last apply, or NULL */
  gboolean has_charge;      /* a battery charge limit lapfit can change */
  gboolean on_battery;      /* the machine runs on battery now (measuring needs it) */
  gboolean fullcharge;      /* a full charge waits for its limits to come back */
  LfMeasureJob *measure;    /* running or finished, until the next one */
  gboolean loaded;
} LfTuneView;

static void measure_job_free(LfMeasureJob *job)
{
  if (job->thread) {
    g_atomic_int_set(&measure_stop, 1);
    g_thread_join(job->thread);   /* the thread undoes the profile first */
  }
  g_free(job->profile);
  g_clear_pointer(&job->plan, lf_plan_free);
  g_free(job->state_dir);
  g_clear_error(&job->error);
  g_free(job);
}

static void tune_view_free(gpointer p)
{
  LfTuneView *tv = p;
  g_clear_pointer(&tv->measure, measure_job_free);
  g_clear_pointer(&tv->root, lf_sysroot_free);
  g_clear_error(&tv->root_error);
  g_clear_pointer(&tv->states, g_ptr_array_unref);
  g_clear_pointer(&tv->profiles, g_ptr_array_unref);
  g_clear_pointer(&tv->plan, lf_plan_free);
  g_clear_error(&tv->plan_error);
  g_clear_pointer(&tv->tuners, g_ptr_array_unref);
  g_clear_pointer(&tv->journal, lf_journal_free);
  g_free(tv);
}

static LfApplyOptions apply_options(LfTui *tui)
{
  LfApplyOptions opts = { tui->state_dir, FALSE, LF_TUNE_LOCK_TIMEOUT_MS, NULL };
  return opts;
}

static const char *profile_name(LfTuneView *tv)
{
  if (tv->profiles == NULL || tv->profiles->len == 0)
    return NULL;
  return tv->profiles->pdata[tv->profile_index % tv->profiles->len];
}

/* Reads the knobs and the journal again and rebuilds the plan. */
static void reload(LfTui *tui, LfTuneView *tv)
{
  g_clear_pointer(&tv->states, g_ptr_array_unref);
  g_clear_pointer(&tv->plan, lf_plan_free);
  g_clear_error(&tv->plan_error);
  g_clear_pointer(&tv->tuners, g_ptr_array_unref);
  g_clear_pointer(&tv->journal, lf_journal_free);
  if (tv->root == NULL)
    return;
  tv->states = lf_knobs_read(tv->root);
  tv->tuners = lf_tuners_detect(tv->root);
  tv->has_charge = FALSE;
  for (guint i = 0; i < tv->states->len; i++)
    tv->has_charge |= lf_knob_is_charge(((const LfKnobState *)tv->states->pdata[i])->knob);
  LfApplyOptions opts = apply_options(tui);
  tv->fullcharge = lf_tune_fullcharge_pending(tv->root, &opts);
  tv->on_battery = lf_power_source_detect(tv->root) == LF_POWER_BATTERY;
  g_autofree char *state_dir = lf_tune_state_dir(tv->root, &opts);
  g_autoptr(GError) journal_error = NULL;
  if (!lf_journal_load(state_dir, &tv->journal, &journal_error))
    g_debug("tune journal: %s", journal_error->message);
  const char *name = profile_name(tv);
  if (name == NULL)
    return;
  g_autoptr(LfProfile) profile = lf_profile_load(tv->root, name, NULL, &tv->plan_error);
  if (profile)
    tv->plan = lf_plan_new(tv->states, profile, tv->source);
}

static LfTuneView *priv(LfTui *tui, LfView *view)
{
  if (view->priv == NULL) {
    view->priv = g_new0(LfTuneView, 1);
    view->free_priv = tune_view_free;
  }
  LfTuneView *tv = view->priv;
  if (!tv->loaded) {
    tv->loaded = TRUE;
    if (tui->source.report == NULL)
      tv->root = lf_sysroot_new(tui->source.root, &tv->root_error);
    if (tv->root) {
      tv->source = lf_power_source_detect(tv->root);
      tv->profiles = lf_profile_list(tv->root);
      for (guint i = 0; tv->profiles && i < tv->profiles->len; i++)
        if (g_strcmp0(tv->profiles->pdata[i], tui->profile ? tui->profile : "balanced") == 0)
          tv->profile_index = i;
    }
    reload(tui, tv);
  }
  return tv;
}

static gboolean read_only(LfTuneView *tv)
{
  return tv->root == NULL || (lf_sysroot_is_live(tv->root) && geteuid() != 0);
}

/* --- measuring ------------------------------------------------------------ */

/* Waits between the two windows so the new settings take effect; stops early. */
static void measure_settle(guint seconds)
{
  gint64 end = g_get_monotonic_time() + (gint64)(seconds >= 10 ? 5 : seconds / 2) * G_USEC_PER_SEC;
  while (!measure_stopped() && g_get_monotonic_time() < end)
    g_usleep(G_USEC_PER_SEC / 10);
}

static gpointer measure_thread(gpointer data)
{
  LfMeasureJob *job = data;
  LfApplyOptions ao = { job->state_dir, FALSE, LF_TUNE_LOCK_TIMEOUT_MS, NULL };
  if (lf_power_window(job->root, job->seconds, measure_stopped, &job->before, &job->error)) {
    if (lf_plan_apply(job->root, job->plan, &ao, &job->written, &job->error)) {
      job->stage_us = g_get_monotonic_time();
      g_atomic_int_set(&job->stage, 1);
      measure_settle(job->seconds);
      g_autoptr(GError) failed = NULL;
      gboolean ok = FALSE;
      if (measure_stopped())
        g_set_error_literal(&failed, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      else
        ok = lf_power_window(job->root, job->seconds, measure_stopped, &job->after, &failed);
      /* The profile never outlives the measurement; a failed undo is the error to show. */
      gboolean undone =
          job->written == 0 || lf_journal_undo(job->root, &ao, &job->restored, &job->error);
      if (undone && !ok)
        g_propagate_error(&job->error, g_steal_pointer(&failed));
    }
  }
  g_atomic_int_set(&job->stage, 2);
  return NULL;
}

static void measure_start(LfTui *tui, LfTuneView *tv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfProfile) profile = lf_profile_load(tv->root, profile_name(tv), NULL, &error);
  if (profile == NULL) {
    lf_tui_set_status(tui, TRUE, "%s", error->message);
    return;
  }
  g_clear_pointer(&tv->measure, measure_job_free);
  LfMeasureJob *job = g_new0(LfMeasureJob, 1);
  job->root = tv->root;
  job->profile = g_strdup(profile_name(tv));
  job->plan = lf_plan_new(tv->states, profile, LF_POWER_BATTERY);
  LfApplyOptions opts = apply_options(tui);
  g_autofree char *base = lf_tune_state_dir(tv->root, &opts);
  job->state_dir = g_build_filename(base, "measure", NULL);
  job->seconds = tui->measure_seconds > 0 ? (guint)tui->measure_seconds : 30;
  job->after = (LfPowerWindow){ NAN, NAN, NAN, 0, "sysfs" };
  job->started_us = g_get_monotonic_time();
  g_atomic_int_set(&measure_stop, 0);
  job->thread = g_thread_new("lapfit-measure", measure_thread, job);
  tv->measure = job;
}

static gboolean measuring(const LfTuneView *tv)
{
  return tv->measure != NULL && tv->measure->thread != NULL;
}

/* A finished measurement: join the thread, say so, read the knobs again.
 * Called from build, when no row points into the old plan. */
static void measure_poll(LfTui *tui, LfTuneView *tv)
{
  LfMeasureJob *job = tv->measure;
  if (!measuring(tv) || g_atomic_int_get(&job->stage) != 2)
    return;
  g_thread_join(job->thread);
  job->thread = NULL;
  if (g_error_matches(job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lf_tui_set_status(tui, FALSE, "%s", _("Measurement stopped; the previous settings are back."));
  else if (job->error)
    lf_tui_set_status(tui, TRUE, _("Measurement failed: %s"), job->error->message);
  else
    lf_tui_set_status(tui, FALSE, "%s",
                      _("Measurement done; the previous settings are back. Enter shows the "
                        "result."));
  reload(tui, tv);
}

/* The measurement's progress for the line under the profile. transfer full. */
static char *measure_progress(const LfMeasureJob *job)
{
  gint64 now = g_get_monotonic_time();
  if (g_atomic_int_get(&job->stage) == 0) {
    guint done = (guint)((now - job->started_us) / G_USEC_PER_SEC);
    /* TRANSLATORS: seconds measured so far and in all */
    return g_strdup_printf(_("Measuring the current settings: %u of %u s"),
                           MIN(done, job->seconds), job->seconds);
  }
  guint done = (guint)((now - job->stage_us) / G_USEC_PER_SEC);
  /* TRANSLATORS: profile name; seconds so far (settling included) and in all */
  return g_strdup_printf(_("Measuring with %s: %u of %u s"), job->profile,
                         MIN(done, job->seconds + (job->seconds >= 10 ? 5 : job->seconds / 2)),
                         job->seconds + (job->seconds >= 10 ? 5 : job->seconds / 2));
}

/* The finished measurement, first in the details. */
static void add_measure_result(LfPanel *p, const LfMeasureJob *job)
{
  if (job == NULL || job->thread != NULL || job->error != NULL)
    return;
  g_autofree char *title = g_strdup_printf(_("Power measurement: %s"), job->profile);
  lf_panel_add_header(p, title);
  g_autofree char *text = lf_power_measure_summary(job->profile, &job->before, &job->after);
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i])
      lf_panel_add_wrapped(p, lines[i], LF_ROLE_NORMAL, 0);
  lf_panel_add_blank(p);
}

static const char *source_name(LfPowerSource s)
{
  return s == LF_POWER_AC ? _("on AC") : _("on battery");
}

static void tune_build(LfTui *tui, LfView *view, int width)
{
  LfTuneView *tv = priv(tui, view);
  LfPanel *p = &view->list;
  measure_poll(tui, tv);
  if (tv->root == NULL) {
    lf_panel_add_wrapped(p, tui->source.report
                                ? _("Tuning works on a live machine (or a --root directory): a "
                                    "saved report has no power settings to change.")
                                : (tv->root_error ? tv->root_error->message : _("unknown")),
                         LF_ROLE_DIM, 0);
    return;
  }
  if (tv->plan == NULL) {
    lf_panel_add_wrapped(p, tv->plan_error ? tv->plan_error->message : _("No profile found."),
                         LF_ROLE_FAIL, 0);
    return;
  }
  for (guint i = 0; i < tv->plan->rows->len; i++) {
    LfPlanRow *r = tv->plan->rows->pdata[i];
    g_autofree char *label = r->instance && *r->instance
                                 ? g_strdup_printf("%s %s", r->knob->id, r->instance)
                                 : g_strdup(r->knob->id);
    g_autofree char *value = NULL;
    LfRole role = LF_ROLE_NORMAL;
    switch (r->action) {
    case LF_PLAN_CHANGE:
      value = g_strdup_printf("%s %s %s", r->from ? r->from : "?", lf_crt_glyph(LF_GLYPH_ARROW),
                              r->to ? r->to : "?");
      role = LF_ROLE_DIFF_NEW;
      break;
    case LF_PLAN_SAME:
      /* TRANSLATORS: a knob already has the profile's value, e.g. "powersave (unchanged)" */
      value = g_strdup_printf(_("%s (unchanged)"), r->from ? r->from : "?");
      role = LF_ROLE_DIM;
      break;
    case LF_PLAN_SKIP:
      /* TRANSLATORS: a knob lapfit will not write: its current value and why */
      value = g_strdup_printf(_("%s (skipped: %s)"), r->from ? r->from : "?",
                              r->reason ? r->reason : "?");
      role = LF_ROLE_DIM;
      break;
    }
    /* Too narrow for a label column (knob names run to 22 columns and
     * more with the instance): name and value share one wrapped line. */
    g_autofree char *line = width < 60 ? g_strdup_printf("%s  %s", label, value) : NULL;
    LfRow *row = lf_panel_add(p, line ? NULL : label, line ? line : value);
    row->role = role;
    row->badge = g_strdup(r->action == LF_PLAN_CHANGE ? "*" : " ");
    row->badge_role = LF_ROLE_DIFF_NEW;
    row->data = r;
  }
  if (tv->plan->rows->len == 0)
    lf_panel_add_wrapped(p, _("This profile sets nothing this machine has."), LF_ROLE_DIM, 0);
}

/* The diff preview: every change as old and new line, or the selected
 * row's details when it is not a change. */
static void build_preview(LfTui *tui, LfView *view, LfTuneView *tv, int w)
{
  LfPanel *p = &view->detail;
  lf_panel_reset(p);
  if (tv->plan == NULL)
    return;
  LfRow *sel = lf_panel_selected(&view->list);
  const LfPlanRow *r = sel ? sel->data : NULL;
  if (r != view->detail_for) {       /* a new selection: its details from the top */
    view->detail_for = r;
    p->scroll = 0;
  }
  add_measure_result(p, tv->measure);
  if (r) {
    lf_panel_add_header(p, _(r->knob->description));
    lf_panel_add_text(p, r->path, LF_ROLE_DIM);
    if (r->origin) {
      g_autofree char *from = g_strdup_printf(_("Set by %s"), r->origin);
      lf_panel_add_text(p, from, LF_ROLE_DIM);
    }
    if (r->action == LF_PLAN_SKIP && r->reason)
      lf_panel_add_wrapped(p, r->reason, LF_ROLE_WARN, 0);
    if (r->knob->note)
      lf_panel_add_wrapped(p, _(r->knob->note), LF_ROLE_DIM, 0);
  }
  guint n = lf_plan_count(tv->plan, LF_PLAN_CHANGE);
  lf_panel_add_blank(p);
  g_autofree char *title = g_strdup_printf(
      ngettext("Diff: %u change", "Diff: %u changes", n), n);
  lf_panel_add_header(p, title);
  for (guint i = 0; i < tv->plan->rows->len; i++) {
    const LfPlanRow *c = tv->plan->rows->pdata[i];
    if (c->action != LF_PLAN_CHANGE)
      continue;
    g_autofree char *path = g_strdup_printf("/%s", c->path);
    g_autofree char *old = g_strdup_printf("- %s", c->from ? c->from : "?");
    g_autofree char *new = g_strdup_printf("+ %s", c->to ? c->to : "?");
    lf_panel_add_text(p, path, LF_ROLE_DIM);
    lf_panel_add_text(p, old, LF_ROLE_DIFF_OLD);
    lf_panel_add_text(p, new, LF_ROLE_DIFF_NEW);
  }
}

/* The header on one line, or split at its wide gap when it does not fit
 * (translations of "Power: on battery" are long). Returns the lines used. */
static int draw_head(int y, char *head)
{
  char *gap = lf_crt_width(head) > COLS - 2 ? strstr(head, "    ") : NULL;
  if (gap)
    *gap = '\0';
  lf_crt_put(y, 1, COLS - 2, head, LF_ROLE_DIM, TRUE);
  if (gap == NULL)
    return 1;
  lf_crt_fill(y + 1, 0, COLS, LF_ROLE_NORMAL);
  lf_crt_put(y + 1, 1, COLS - 2, g_strchug(gap + 4), LF_ROLE_DIM, TRUE);
  return 2;
}

static void tune_draw(LfTui *tui, LfView *view, int y, int h)
{
  LfTuneView *tv = priv(tui, view);
  int lines = 1;
  lf_crt_fill(y, 0, COLS, LF_ROLE_NORMAL);
  if (tv->root) {
    const char *name = profile_name(tv);
    g_autofree char *head = NULL;
    if (tv->plan)
      head = g_strdup_printf(_("Profile: %s    Power: %s    %u to change, %u unchanged, %u "
                               "skipped"),
                             name ? name : "?", source_name(tv->source),
                             lf_plan_count(tv->plan, LF_PLAN_CHANGE),
                             lf_plan_count(tv->plan, LF_PLAN_SAME),
                             lf_plan_count(tv->plan, LF_PLAN_SKIP));
    /* Narrow: the counts go (the rows' * marks show the changes) before
     * the profile and power source are cut. */
    if (head == NULL || lf_crt_width(head) > COLS - 2) {
      g_free(head);
      head = g_strdup_printf(_("Profile: %s    Power: %s"), name ? name : "?",
                             source_name(tv->source));
    }
    lines = draw_head(y, head);
    /* Why apply would not (or may not) write. */
    const char *why = NULL;
    g_autofree char *tuner_note = NULL;
    if (measuring(tv)) {
      tuner_note = measure_progress(tv->measure);
      why = tuner_note;
      if (g_atomic_int_get(&tv->measure->stage) == 2)
        view->dirty = TRUE;         /* measure_poll at the next build */
    } else if (read_only(tv))
      why = _("Read-only: changing power settings needs root. Run 'sudo lapfit' to apply.");
    else if (tv->tuners && tv->tuners->len > 0) {
      const LfTuner *t = tv->tuners->pdata[0];
      tuner_note = g_strdup_printf(_("%s is active (%s): lapfit will not fight it; stop it "
                                     "first."),
                                   t->name, _(t->why));
      why = tuner_note;
    } else if (tv->fullcharge) {
      why = _("A full charge is under way: the charge limits come back when the AC is "
              "unplugged or at the next apply.");
    } else if (tv->journal) {
      tuner_note = g_strdup_printf(_("Undo available: z restores the values from before '%s'."),
                                   tv->journal->profile ? tv->journal->profile : "?");
      why = tuner_note;
    }
    if (why) {
      lf_crt_fill(y + lines, 0, COLS, LF_ROLE_NORMAL);
      lf_crt_put(y + lines, 1, COLS - 2, why,
                 read_only(tv) && !measuring(tv) ? LF_ROLE_WARN : LF_ROLE_DIM, TRUE);
      lines++;
    }
  }
  y += lines, h -= lines;
  if (tv->plan == NULL) {
    lf_panel_draw(&view->list, y, 0, h, COLS);
    return;
  }
  if (COLS >= 110) {
    int lw = COLS / 2;
    lf_panel_draw(&view->list, y, 0, h, lw);
    for (int i = 0; i < h; i++)
      lf_crt_put(y + i, lw, 1, lf_crt_glyph(LF_GLYPH_SEP), LF_ROLE_DIM, FALSE);
    build_preview(tui, view, tv, COLS - lw - 1);
    lf_panel_draw(&view->detail, y, lw + 1, h, COLS - lw - 1);
  } else {
    int lh = MAX(3, h * 3 / 5);
    lf_panel_draw(&view->list, y, 0, lh, COLS);
    attrset(lf_crt_attr(LF_ROLE_DIM));
    mvhline(y + lh, 0, ACS_HLINE, COLS);
    attrset(A_NORMAL);
    build_preview(tui, view, tv, COLS);
    lf_panel_draw(&view->detail, y + lh + 1, 0, h - lh - 1, COLS);
  }
}

static void do_apply(LfTui *tui, gpointer data)
{
  LfView *view = data;
  LfTuneView *tv = view->priv;
  LfApplyOptions opts = apply_options(tui);
  g_autoptr(GError) error = NULL;
  guint n = 0;
  /* As `tune apply`: the next apply ends a full charge. */
  if (lf_tune_fullcharge_pending(tv->root, &opts) &&
      !lf_tune_fullcharge_restore(tv->root, &opts, &n, &error))
    lf_tui_set_status(tui, TRUE, _("Apply failed: %s"), error->message);
  else if (tv->plan == NULL || !lf_plan_apply(tv->root, tv->plan, &opts, &n, &error))
    lf_tui_set_status(tui, TRUE, _("Apply failed: %s"), error ? error->message : _("no plan"));
  else
    lf_tui_set_status(tui, FALSE,
                      ngettext("Applied %u change; z undoes it.",
                               "Applied %u changes; z undoes them.", n),
                      n);
  reload(tui, tv);
  view->dirty = TRUE;
}

static void do_undo(LfTui *tui, gpointer data)
{
  LfView *view = data;
  LfTuneView *tv = view->priv;
  LfApplyOptions opts = apply_options(tui);
  g_autoptr(GError) error = NULL;
  guint n = 0;
  if (!lf_journal_undo(tv->root, &opts, &n, &error))
    lf_tui_set_status(tui, TRUE, _("Undo failed: %s"), error->message);
  else
    lf_tui_set_status(tui, FALSE,
                      ngettext("Restored %u value.", "Restored %u values.", n), n);
  reload(tui, tv);
  view->dirty = TRUE;
}

static void do_fullcharge(LfTui *tui, gpointer data)
{
  LfView *view = data;
  LfTuneView *tv = view->priv;
  LfApplyOptions opts = apply_options(tui);
  g_autoptr(GError) error = NULL;
  guint n = 0;
  if (!lf_tune_fullcharge(tv->root, &opts, &n, &error))
    lf_tui_set_status(tui, TRUE, "%s", error->message);
  else if (n == 0)
    lf_tui_set_status(tui, FALSE, "%s", _("The battery already charges to 100 %."));
  else
    lf_tui_set_status(tui, FALSE,
                      ngettext("Lifted %u charge limit: the battery charges to 100 %% once.",
                               "Lifted %u charge limits: the battery charges to 100 %% once.", n),
                      n);
  reload(tui, tv);
  view->dirty = TRUE;
}

/* Why a key that writes does nothing now, or NULL when it may write. */
static const char *cannot_write(LfTuneView *tv)
{
  if (measuring(tv))
    return _("Measuring: wait for the result or press m to stop.");
  if (read_only(tv))
    return _("Read-only: changing power settings needs root. Run 'sudo lapfit' to apply.");
  return NULL;
}

static LfHandlerResult measure_key(LfTui *tui, LfTuneView *tv)
{
  if (measuring(tv)) {
    g_atomic_int_set(&measure_stop, 1);
    lf_tui_set_status(tui, FALSE, "%s", _("Stopping: the previous settings come back..."));
  } else if (read_only(tv)) {
    lf_tui_set_status(tui, TRUE, "%s", cannot_write(tv));
  } else if (lf_power_source_detect(tv->root) != LF_POWER_BATTERY) {
    lf_tui_set_status(tui, TRUE, "%s",
                      _("measuring needs the machine on battery: unplug the AC and run it again"));
  } else {
    measure_start(tui, tv);
  }
  return LF_HANDLED | LF_REDRAW;
}

static LfHandlerResult fullcharge_key(LfTui *tui, LfView *view, LfTuneView *tv)
{
  if (cannot_write(tv))
    lf_tui_set_status(tui, TRUE, "%s", cannot_write(tv));
  else if (!tv->has_charge)
    lf_tui_set_status(tui, TRUE, "%s",
                      _("this machine has no battery charge limit that lapfit can change"));
  else
    /* xgettext:no-c-format */
    lf_tui_confirm(tui, _("Charge the battery to 100 % once? The charge limits come back when "
                          "the AC is unplugged or at the next apply."),
                   do_fullcharge, view);
  return LF_HANDLED;
}

static LfHandlerResult tune_key(LfTui *tui, LfView *view, int key)
{
  LfTuneView *tv = priv(tui, view);
  if (tv->root == NULL)
    return LF_IGNORED;
  if (key == 'm')
    return measure_key(tui, tv);
  if (key == 'f')
    return fullcharge_key(tui, view, tv);
  if ((key == 'p' || key == 'b') && measuring(tv)) {
    lf_tui_set_status(tui, TRUE, "%s", cannot_write(tv));
    return LF_HANDLED;
  }
  switch (key) {
  case 'p':
    if (tv->profiles && tv->profiles->len > 0) {
      tv->profile_index = (tv->profile_index + 1) % tv->profiles->len;
      reload(tui, tv);
      view->list.selected = 0;
    }
    return LF_HANDLED | LF_REDRAW;
  case 'b':
    tv->source = tv->source == LF_POWER_AC ? LF_POWER_BATTERY : LF_POWER_AC;
    reload(tui, tv);
    return LF_HANDLED | LF_REDRAW;
  case 'a': {
    if (cannot_write(tv)) {
      lf_tui_set_status(tui, TRUE, "%s", cannot_write(tv));
      return LF_HANDLED;
    }
    guint n = tv->plan ? lf_plan_count(tv->plan, LF_PLAN_CHANGE) : 0;
    if (n == 0) {
      lf_tui_set_status(tui, FALSE, "%s", _("Nothing to apply: every value is already set."));
      return LF_HANDLED;
    }
    g_autofree char *q = g_strdup_printf(
        ngettext("Apply profile '%s' (%s): write %u value? The old value is kept for undo.",
                 "Apply profile '%s' (%s): write %u values? The old values are kept for undo.",
                 n),
        profile_name(tv), source_name(tv->source), n);
    lf_tui_confirm(tui, q, do_apply, view);
    return LF_HANDLED;
  }
  case 'z':
    if (cannot_write(tv)) {
      lf_tui_set_status(tui, TRUE, "%s", cannot_write(tv));
      return LF_HANDLED;
    }
    if (tv->journal == NULL) {
      lf_tui_set_status(tui, FALSE, "%s", _("Nothing to undo: lapfit has not changed anything."));
      return LF_HANDLED;
    }
    lf_tui_confirm(tui, _("Undo: restore every value lapfit changed to what it was before?"),
                   do_undo, view);
    return LF_HANDLED;
  case '\r': case '\n': case KEY_ENTER:
    if (tv->plan) {
      build_preview(tui, view, tv, COLS);
      view->detail.scroll = 0;
      view->detail_open = !view->detail_open;
    }
    return LF_HANDLED;
  default:
    return LF_IGNORED;
  }
}

/* Only the keys that work here: nothing to change in a saved report, no
 * apply or undo without root, no undo before an apply, no full charge without
 * a charge limit, measuring on battery only; while measuring, only stop. */
static const LfKeyHint *tune_hints(LfTui *tui, LfView *view)
{
  static LfKeyHint hints[8];
  LfTuneView *tv = priv(tui, view);
  int n = 0;
  if (measuring(tv)) {
    hints[n++] = (LfKeyHint){ "m", N_("Stop measuring") };
  } else if (tv->root != NULL) {
    gboolean rw = !read_only(tv);
    if (rw && tv->plan && lf_plan_count(tv->plan, LF_PLAN_CHANGE) > 0)
      hints[n++] = (LfKeyHint){ "a", N_("Apply") };
    if (rw && tv->journal)
      hints[n++] = (LfKeyHint){ "z", N_("Undo") };
    if (rw && tv->plan && tv->on_battery)
      hints[n++] = (LfKeyHint){ "m", N_("Measure") };
    if (rw && tv->has_charge && !tv->fullcharge)
      hints[n++] = (LfKeyHint){ "f", N_("Full charge") };
    /* Last: a narrow bar drops these first; the line above names both. */
    if (tv->profiles && tv->profiles->len > 1)
      hints[n++] = (LfKeyHint){ "p", N_("Profile") };
    hints[n++] = (LfKeyHint){ "b", N_("AC/Battery") };
  }
  hints[n] = (LfKeyHint){ NULL, NULL };
  return hints;
}

const LfViewClass lf_view_tune_class = {
  .id = "tune",
  /* TRANSLATORS: screen (tab) name; keep it short */
  .name = N_("Tune"),
  .build = tune_build,
  .draw = tune_draw,
  .key = tune_key,
  .enter_hint = N_("Details"),
  .hints = tune_hints,
};

#else /* no src/tune in this build */

static void tune_build(LfTui *tui, LfView *view, int width)
{
  lf_panel_add_wrapped(&view->list, _("Power tuning is not available in this build."),
                       LF_ROLE_DIM, 0);
}

const LfViewClass lf_view_tune_class = {
  .id = "tune",
  /* TRANSLATORS: screen (tab) name; keep it short */
  .name = N_("Tune"),
  .build = tune_build,
};

#endif
