/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tune: the tuner's plan for a profile (every knob instance, current and
 * target value), a diff preview, apply with a confirmation and undo. The
 * plan, the writes and the journal are src/tune/'s: the same calls as
 * `lapfit tune plan|apply|undo`. */
#include <glib/gi18n.h>
#include <unistd.h>

#include "tui.h"

#if __has_include("tune/tune.h")
#include "core/error.h"
#include "tune/tune.h"

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
  gboolean loaded;
} LfTuneView;

static void tune_view_free(gpointer p)
{
  LfTuneView *tv = p;
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
  LfApplyOptions opts = apply_options(tui);
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

static const char *source_name(LfPowerSource s)
{
  return s == LF_POWER_AC ? _("on AC") : _("on battery");
}

static void tune_build(LfTui *tui, LfView *view, int width)
{
  LfTuneView *tv = priv(tui, view);
  LfPanel *p = &view->list;
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
    LfRow *row = lf_panel_add(p, label, value);
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
    else
      head = g_strdup_printf(_("Profile: %s    Power: %s"), name ? name : "?",
                             source_name(tv->source));
    lf_crt_put(y, 1, COLS - 2, head, LF_ROLE_DIM, TRUE);
    /* Why apply would not (or may not) write. */
    const char *why = NULL;
    g_autofree char *tuner_note = NULL;
    if (read_only(tv))
      why = _("Read-only: changing power settings needs root. Run 'sudo lapfit' to apply.");
    else if (tv->tuners && tv->tuners->len > 0) {
      const LfTuner *t = tv->tuners->pdata[0];
      tuner_note = g_strdup_printf(_("%s is active (%s): lapfit will not fight it; stop it "
                                     "first."),
                                   t->name, _(t->why));
      why = tuner_note;
    } else if (tv->journal) {
      tuner_note = g_strdup_printf(_("Undo available: z restores the values from before '%s'."),
                                   tv->journal->profile ? tv->journal->profile : "?");
      why = tuner_note;
    }
    if (why) {
      lf_crt_fill(y + 1, 0, COLS, LF_ROLE_NORMAL);
      lf_crt_put(y + 1, 1, COLS - 2, why, read_only(tv) ? LF_ROLE_WARN : LF_ROLE_DIM, TRUE);
      lines = 2;
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
  if (tv->plan == NULL || !lf_plan_apply(tv->root, tv->plan, &opts, &n, &error))
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

static LfHandlerResult tune_key(LfTui *tui, LfView *view, int key)
{
  LfTuneView *tv = priv(tui, view);
  if (tv->root == NULL)
    return LF_IGNORED;
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
    if (read_only(tv)) {
      lf_tui_set_status(tui, TRUE, "%s",
                        _("Read-only: changing power settings needs root. Run 'sudo lapfit' "
                          "to apply."));
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
    if (read_only(tv)) {
      lf_tui_set_status(tui, TRUE, "%s",
                        _("Read-only: changing power settings needs root. Run 'sudo lapfit' "
                          "to apply."));
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
 * apply or undo without root, no undo before an apply. */
static const LfKeyHint *tune_hints(LfTui *tui, LfView *view)
{
  static LfKeyHint hints[5];
  LfTuneView *tv = priv(tui, view);
  int n = 0;
  if (tv->root != NULL) {
    if (!read_only(tv) && tv->plan && lf_plan_count(tv->plan, LF_PLAN_CHANGE) > 0)
      hints[n++] = (LfKeyHint){ "a", N_("Apply") };
    if (!read_only(tv) && tv->journal)
      hints[n++] = (LfKeyHint){ "z", N_("Undo") };
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
