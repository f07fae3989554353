/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lapfit tune status|plan|apply|undo|auto|install|uninstall|measure */
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/error.h"
#include "core/json-build.h"
#include "core/report-json.h"
#include "tune/tune.h"

typedef struct {
  char *root, *state_dir;
  gboolean on_ac, on_battery, force, json, verbose, dry_run;
  char **sets;
  int wait_s;
  int seconds;
} TuneOptions;

static void tune_options_clear(TuneOptions *o)
{
  g_free(o->root);
  g_free(o->state_dir);
  g_strfreev(o->sets);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TuneOptions, tune_options_clear)

static void print_json(JsonNode *node)
{
  g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);
  printf("%s\n", text);
}

static LfPowerSource pick_source(const TuneOptions *o, const LfSysroot *root)
{
  if (o->on_ac)
    return LF_POWER_AC;
  if (o->on_battery)
    return LF_POWER_BATTERY;
  return lf_power_source_detect(root);
}

static const char *source_text(LfPowerSource s)
{
  switch (s) {
  case LF_POWER_AC:
    return _("on AC");
  case LF_POWER_BATTERY:
    return _("on battery");
  }
  g_assert_not_reached();
}

static LfApplyOptions apply_options(const TuneOptions *o)
{
  LfApplyOptions a = { o->state_dir, o->force,
                       o->wait_s >= 0 ? (guint)o->wait_s * 1000 : LF_TUNE_LOCK_TIMEOUT_MS, NULL };
  return a;
}

/* ---- status ------------------------------------------------------------ */

/* Profiles whose plan on a source changes nothing and sets something. */
static GPtrArray *matching_profiles(const LfSysroot *root, const GPtrArray *states)
{
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) names = lf_profile_list(root);
  for (guint i = 0; i < names->len; i++) {
    g_autoptr(LfProfile) p = lf_profile_load(root, names->pdata[i], NULL, NULL);
    if (p == NULL)
      continue;
    for (int s = LF_POWER_AC; s <= LF_POWER_BATTERY; s++) {
      g_autoptr(LfPlan) plan = lf_plan_new(states, p, (LfPowerSource)s);
      if (lf_plan_count(plan, LF_PLAN_CHANGE) == 0 && lf_plan_count(plan, LF_PLAN_SAME) > 0)
        g_ptr_array_add(out, g_strdup_printf("%s:%s", (char *)names->pdata[i],
                                             lf_power_source_to_string((LfPowerSource)s)));
    }
  }
  return out;
}

/* What `tune status` shows, read once for either output. */
typedef struct {
  GPtrArray *states;    /* LfKnobState */
  GPtrArray *matches;   /* "profile:source" */
  GPtrArray *tuners;    /* LfTuner */
  LfJournal *journal;   /* or NULL */
  LfPowerSource source;
} Status;

static void status_clear(Status *s)
{
  g_clear_pointer(&s->states, g_ptr_array_unref);
  g_clear_pointer(&s->matches, g_ptr_array_unref);
  g_clear_pointer(&s->tuners, g_ptr_array_unref);
  g_clear_pointer(&s->journal, lf_journal_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Status, status_clear)

static void status_read(const TuneOptions *o, const LfSysroot *root, Status *s)
{
  s->states = lf_knobs_read(root);
  s->matches = matching_profiles(root, s->states);
  s->tuners = lf_tuners_detect(root);
  LfApplyOptions ao = apply_options(o);
  g_autofree char *state_dir = lf_tune_state_dir(root, &ao);
  g_autoptr(GError) jerr = NULL;
  if (!lf_journal_load(state_dir, &s->journal, &jerr))
    g_debug("%s", jerr->message);
  s->source = lf_power_source_detect(root);
}

static void knob_state_json(JsonBuilder *b, const LfKnobState *st)
{
  json_builder_begin_object(b);
  lf_json_set_string(b, "knob", st->knob->id);
  lf_json_set_string(b, "description", st->knob->description);   /* untranslated */
  lf_json_set_string(b, "instance", st->instance);
  lf_json_set_string(b, "path", st->path);
  lf_json_set_string(b, "current", st->current);
  json_builder_set_member_name(b, "allowed");
  json_builder_begin_array(b);
  if (st->allowed)
    for (guint k = 0; k < st->allowed->len; k++)
      json_builder_add_string_value(b, st->allowed->pdata[k]);
  else if (st->knob->choices)
    for (guint k = 0; st->knob->choices[k]; k++)
      json_builder_add_string_value(b, st->knob->choices[k]);
  json_builder_end_array(b);
  json_builder_set_member_name(b, "writable");
  json_builder_add_boolean_value(b, st->knob->writable && st->excluded == NULL);
  lf_json_set_string(b, "tuner", st->tuner_id);
  if (st->charge_rule) {
    g_autofree char *rule = lf_charge_rule_describe(st->charge_rule);
    lf_json_set_string(b, "rule", rule);
  }
  json_builder_set_member_name(b, "left_to_tuner");
  json_builder_add_boolean_value(b, st->delegated);
  json_builder_end_object(b);
}

static void matches_json(JsonBuilder *b, const GPtrArray *matches)
{
  json_builder_set_member_name(b, "matches");
  json_builder_begin_array(b);
  for (guint i = 0; i < matches->len; i++) {
    g_auto(GStrv) pair = g_strsplit(matches->pdata[i], ":", 2);
    json_builder_begin_object(b);
    lf_json_set_string(b, "profile", pair[0]);
    lf_json_set_string(b, "source", pair[1]);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

static void journal_json(JsonBuilder *b, const LfJournal *journal)
{
  json_builder_set_member_name(b, "journal");
  if (journal == NULL) {
    json_builder_add_null_value(b);
    return;
  }
  json_builder_begin_object(b);
  lf_json_set_string(b, "profile", journal->profile);
  lf_json_set_string(b, "source", journal->source);
  json_builder_set_member_name(b, "files");
  json_builder_add_int_value(b, journal->entries->len);
  json_builder_end_object(b);
}

static void tuners_json(JsonBuilder *b, const GPtrArray *tuners)
{
  json_builder_set_member_name(b, "tuners");
  json_builder_begin_array(b);
  for (guint i = 0; i < tuners->len; i++) {
    const LfTuner *t = tuners->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string(b, "id", t->id);
    json_builder_set_member_name(b, "running");
    json_builder_add_boolean_value(b, t->running);
    json_builder_set_member_name(b, "enabled");
    json_builder_add_boolean_value(b, t->enabled);
    lf_json_set_string(b, "evidence", t->evidence);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

static void status_print_json(const Status *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  lf_json_set_string(b, "source", lf_power_source_to_string(s->source));
  json_builder_set_member_name(b, "knobs");
  json_builder_begin_array(b);
  for (guint i = 0; i < s->states->len; i++)
    knob_state_json(b, s->states->pdata[i]);
  json_builder_end_array(b);
  matches_json(b, s->matches);
  journal_json(b, s->journal);
  tuners_json(b, s->tuners);
  json_builder_end_object(b);
  g_autoptr(JsonNode) node = json_builder_get_root(b);
  print_json(node);
}

static void print_knob_states(const GPtrArray *states)
{
  const LfKnob *last = NULL;
  for (guint i = 0; i < states->len; i++) {
    const LfKnobState *st = states->pdata[i];
    if (st->knob != last) {
      /* TRANSLATORS: knob id, then its description */
      printf(_("%s: %s\n"), st->knob->id, _(st->knob->description));
      last = st->knob;
    }
    const char *cur = st->current ? st->current : _("(unknown)");
    const char *inst = *st->instance ? st->instance : "-";
    if (st->excluded)
      printf("  %-16s %s  [%s]\n", inst, cur, st->excluded);
    else if (st->charge_rule) {
      g_autofree char *rule = lf_charge_rule_describe(st->charge_rule);
      printf("  %-16s %s  [%s]\n", inst, cur, rule);
    } else if (st->tuner_name && st->delegated)
      /* TRANSLATORS: %s: a daemon such as power-profiles-daemon */
      printf(_("  %-16s %s  [left to %s]\n"), inst, cur, st->tuner_name);
    else if (st->tuner_name)
      printf(_("  %-16s %s  [%s writes it too]\n"), inst, cur, st->tuner_name);
    else
      printf("  %-16s %s\n", inst, cur);
  }
}

static void status_print_text(const Status *s)
{
  printf(_("Power source: %s\n"), source_text(s->source));
  print_knob_states(s->states);
  if (s->matches->len == 0)
    printf("%s\n", _("Matches no profile."));
  for (guint i = 0; i < s->matches->len; i++) {
    g_auto(GStrv) pair = g_strsplit(s->matches->pdata[i], ":", 2);
    printf(_("Matches profile %s %s.\n"), pair[0],
           source_text(g_str_equal(pair[1], "ac") ? LF_POWER_AC : LF_POWER_BATTERY));
  }
  if (s->journal)
    printf(ngettext("Undo journal: %u original file saved (last profile applied: %s); "
                    "'lapfit tune undo' restores it.\n",
                    "Undo journal: %u original files saved (last profile applied: %s); "
                    "'lapfit tune undo' restores them.\n",
                    s->journal->entries->len),
           s->journal->entries->len, s->journal->profile ? s->journal->profile : "?");
  for (guint i = 0; i < s->tuners->len; i++) {
    const LfTuner *t = s->tuners->pdata[i];
    printf(t->running ? _("Other tuner running: %s (%s)\n") : _("Other tuner enabled: %s (%s)\n"),
           t->name, t->evidence);
  }
}

static int cmd_status(const TuneOptions *o, const LfSysroot *root, GError **error)
{
  g_auto(Status) s = { NULL };
  status_read(o, root, &s);
  if (o->json)
    status_print_json(&s);
  else
    status_print_text(&s);
  return LF_EXIT_OK;
}

/* ---- plan / apply ------------------------------------------------------ */

static void print_plan(const LfPlan *plan)
{
  guint n = lf_plan_count(plan, LF_PLAN_CHANGE);
  printf(ngettext("Profile %s %s: %u change\n", "Profile %s %s: %u changes\n", n), plan->profile,
         source_text(plan->source), n);
  const LfKnob *last = NULL;
  for (guint i = 0; i < plan->rows->len; i++) {
    const LfPlanRow *r = plan->rows->pdata[i];
    const char *from = r->from ? r->from : "?";
    if (r->knob != last) {
      /* What the knob does and what it may cost, once per knob. */
      printf(_("%s: %s\n"), r->knob->id, _(r->knob->description));
      if (r->knob->cost)
        printf(_("    may cost: %s\n"), _(r->knob->cost));
      last = r->knob;
    }
    switch (r->action) {
    case LF_PLAN_CHANGE:
      if (r->tuner_name)
        /* TRANSLATORS: the last %s is another tuner, e.g. TLP */
        printf(_("  %-24s %-16s %s -> %s (%s sets it too)\n"), r->knob->id, r->instance, from,
               r->to, r->tuner_name);
      else if (r->reason)
        printf("  %-24s %-16s %s -> %s (%s)\n", r->knob->id, r->instance, from, r->to,
               r->reason);
      else
        printf("  %-24s %-16s %s -> %s\n", r->knob->id, r->instance, from, r->to);
      break;
    case LF_PLAN_SAME:
      printf("  %-24s %-16s %s (%s)\n", r->knob->id, r->instance, from, _("unchanged"));
      break;
    case LF_PLAN_SKIP:
      printf("  %-24s %-16s %s: %s\n", r->knob->id, r->instance, _("skipped"), r->reason);
      break;
    }
  }
}

static LfPlan *make_plan(const TuneOptions *o, const LfSysroot *root, const char *name,
                         GError **error)
{
  g_autoptr(LfProfile) profile =
      lf_profile_load(root, name, (const char *const *)o->sets, error);
  if (profile == NULL)
    return NULL;
  g_autoptr(GPtrArray) states = lf_knobs_read(root);
  return lf_plan_new(states, profile, pick_source(o, root));
}

static int cmd_plan(const TuneOptions *o, const LfSysroot *root, const char *name, GError **error)
{
  g_autoptr(LfPlan) plan = make_plan(o, root, name, error);
  if (plan == NULL)
    return LF_EXIT_FAILURE;
  if (o->json) {
    g_autoptr(JsonNode) node = lf_plan_to_json(plan);
    print_json(node);
  } else {
    print_plan(plan);
  }
  return LF_EXIT_OK;
}

static int cmd_apply(const TuneOptions *o, const LfSysroot *root, const char *name,
                     GError **error)
{
  LfApplyOptions ao = apply_options(o);
  guint n = 0;
  /* Without `tune auto`, the next apply ends a full charge. */
  if (lf_tune_fullcharge_pending(root, &ao)) {
    if (!lf_tune_fullcharge_restore(root, &ao, &n, error))
      return LF_EXIT_FAILURE;
    if (!o->json)
      printf("%s\n", _("The full charge is over: the battery charge limits are back."));
  }
  g_autoptr(LfPlan) plan = make_plan(o, root, name, error);
  if (plan == NULL)
    return LF_EXIT_FAILURE;
  if (!lf_plan_apply(root, plan, &ao, &n, error))
    return LF_EXIT_FAILURE;
  if (o->json) {
    g_autoptr(JsonNode) node = lf_plan_to_json(plan);
    json_object_set_int_member(json_node_get_object(node), "written", n);
    print_json(node);
  } else {
    print_plan(plan);
    printf(ngettext("Applied %u change; 'lapfit tune undo' restores the previous value.\n",
                    "Applied %u changes; 'lapfit tune undo' restores the previous values.\n", n),
           n);
  }
  return LF_EXIT_OK;
}

static int cmd_undo(const TuneOptions *o, const LfSysroot *root, GError **error)
{
  LfApplyOptions ao = apply_options(o);
  guint n = 0;
  if (!lf_journal_undo(root, &ao, &n, error))
    return LF_EXIT_FAILURE;
  if (o->json)
    printf("{\n  \"restored\" : %u\n}\n", n);
  else
    printf(ngettext("Restored %u file.\n", "Restored %u files.\n", n), n);
  return LF_EXIT_OK;
}

/* ---- fullcharge -------------------------------------------------------- */

static int cmd_fullcharge(const TuneOptions *o, const LfSysroot *root, GError **error)
{
  LfApplyOptions ao = apply_options(o);
  guint n = 0;
  if (!lf_tune_fullcharge(root, &ao, &n, error))
    return LF_EXIT_FAILURE;
  if (o->json) {
    printf("{\n  \"written\" : %u\n}\n", n);
    return LF_EXIT_OK;
  }
  if (n == 0)
    printf("%s\n", _("The battery already charges to 100 %."));
  else
    printf(ngettext("Lifted %u charge limit: the battery charges to 100 %% once. The limit "
                    "returns when the AC is unplugged ('lapfit tune auto' or the installed "
                    "service), or at the next 'lapfit tune apply'.\n",
                    "Lifted %u charge limits: the battery charges to 100 %% once. The limits "
                    "return when the AC is unplugged ('lapfit tune auto' or the installed "
                    "service), or at the next 'lapfit tune apply'.\n", n), n);
  return LF_EXIT_OK;
}

/* ---- auto -------------------------------------------------------------- */

static void auto_notify(LfPowerSource source, guint n, const GError *error, gpointer user_data)
{
  if (error)
    fprintf(stderr, "lapfit: %s\n", error->message);
  else
    printf(ngettext("%s: applied %u change\n", "%s: applied %u changes\n", n),
           source_text(source), n);
  fflush(stdout);
}

static gboolean on_signal(gpointer user_data)
{
  g_cancellable_cancel(user_data);
  return G_SOURCE_CONTINUE;
}

static int cmd_auto(const TuneOptions *o, const LfSysroot *root, const char *name, GError **error)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new();
  guint s1 = g_unix_signal_add(SIGTERM, on_signal, cancel);
  guint s2 = g_unix_signal_add(SIGINT, on_signal, cancel);
  LfApplyOptions ao = apply_options(o);
  gboolean ok = lf_tune_auto_run(root, name, &ao, cancel, auto_notify, NULL, error);
  g_source_remove(s1);
  g_source_remove(s2);
  return ok ? LF_EXIT_OK : LF_EXIT_FAILURE;
}

/* ---- install / uninstall ----------------------------------------------- */

static int cmd_install(const TuneOptions *o, const LfSysroot *root, const char *name,
                       gboolean install, GError **error)
{
  if (lf_sysroot_is_live(root) && geteuid() != 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("installing the service needs root: run it with sudo"));
    return LF_EXIT_FAILURE;
  }
  g_autoptr(GPtrArray) files = NULL;
  if (install) {
    g_autoptr(LfProfile) profile = lf_profile_load(root, name, NULL, error);
    if (profile == NULL || (!o->force && !lf_tuners_check(root, profile, error)))
      return LF_EXIT_FAILURE;
    if (!lf_tune_install(root, LF_BINDIR "/lapfit", name, &files, error))
      return LF_EXIT_FAILURE;
  } else if (!lf_tune_uninstall(root, &files, error)) {
    return LF_EXIT_FAILURE;
  }
  for (guint i = 0; i < files->len; i++)
    printf(install ? _("wrote %s\n") : _("removed %s\n"), (char *)files->pdata[i]);
  if (install && lf_sysroot_is_live(root))
    printf("%s\n", _("Run 'systemctl daemon-reload && systemctl start lapfit-tune' "
                     "(or reboot) to start following AC/battery changes."));
  return LF_EXIT_OK;
}

/* ---- measure ----------------------------------------------------------- */

static void print_measure(const char *name, const LfPowerWindow *before,
                          const LfPowerWindow *after)
{
  g_autofree char *text = lf_power_measure_summary(name, before, after);
  fputs(text, stdout);
}

static void measure_json(const TuneOptions *o, const char *name, const LfPowerWindow *before,
                         const LfPowerWindow *after, guint written, guint restored)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "seconds");
  json_builder_add_int_value(b, o->seconds > 0 ? o->seconds : 30);
  lf_json_set_string(b, "profile", name);
  lf_json_set_string(b, "source", before->source);
  lf_json_set_double(b, "before_w", before->watts);
  lf_json_set_double(b, "before_spread_w", before->spread_w);
  lf_json_set_double(b, "after_w", name ? after->watts : NAN);
  lf_json_set_double(b, "after_spread_w", name ? after->spread_w : NAN);
  double saved = name ? before->watts - after->watts : NAN;
  lf_json_set_double(b, "saved_w", saved);
  double e = name ? after->energy_wh : before->energy_wh;
  lf_json_set_double(b, "energy_wh", e);
  lf_json_set_double(b, "hours_before", e / before->watts);
  lf_json_set_double(b, "hours_after", name ? e / after->watts : NAN);
  lf_json_set_double(b, "hours_gained", name ? e / after->watts - e / before->watts : NAN);
  json_builder_set_member_name(b, "written");
  json_builder_add_int_value(b, written);
  json_builder_set_member_name(b, "restored");
  json_builder_add_int_value(b, restored);
  json_builder_end_object(b);
  g_autoptr(JsonNode) node = json_builder_get_root(b);
  print_json(node);
}

/* Ctrl-C or SIGTERM while measuring: blocked, seen here, so the profile is
 * undone before the process ends. */
static gboolean interrupted(void)
{
  sigset_t pending;
  return sigpending(&pending) == 0 &&
         (sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1);
}

static int measure_run(const TuneOptions *o, const LfSysroot *root, const char *name,
                       const LfPlan *plan, LfApplyOptions *ao, guint seconds, GError **error)
{
  LfPowerWindow before, after = { NAN, NAN, NAN, 0, "sysfs" };
  if (!lf_power_window(root, seconds, interrupted, &before, error))
    return LF_EXIT_FAILURE;
  guint written = 0, restored = 0;
  if (plan) {
    if (!lf_plan_apply(root, plan, ao, &written, error))
      return LF_EXIT_FAILURE;
    fprintf(stderr, _("Applied %s (%u changes); measuring for %d s...\n"), name, written,
            (int)seconds);
    g_usleep((gulong)(seconds >= 10 ? 5 : seconds / 2) * G_USEC_PER_SEC);   /* settle */
    g_autoptr(GError) failed = NULL;
    gboolean ok = lf_power_window(root, seconds, interrupted, &after, &failed);
    if (written > 0 && !lf_journal_undo(root, ao, &restored, error))
      return LF_EXIT_FAILURE;
    if (!ok) {
      g_propagate_error(error, g_steal_pointer(&failed));
      return LF_EXIT_FAILURE;
    }
  }
  if (o->json) {
    measure_json(o, name, &before, &after, written, restored);
    return LF_EXIT_OK;
  }
  print_measure(name, &before, &after);
  if (plan)
    printf(ngettext("Undone: restored %u file.\n", "Undone: restored %u files.\n", restored),
           restored);
  return LF_EXIT_OK;
}

/* Measures, applies the profile with a journal of its own (so the undo at the
 * end takes back exactly this run), lets the machine settle, measures again. */
static int cmd_measure(const TuneOptions *o, const LfSysroot *root, const char *name,
                       GError **error)
{
  guint seconds = o->seconds > 0 ? (guint)o->seconds : 30;
  if (lf_power_source_detect(root) != LF_POWER_BATTERY) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("measuring needs the machine on battery: unplug the AC and run it again"));
    return LF_EXIT_FAILURE;
  }
  g_autoptr(LfPlan) plan = NULL;
  if (name && (plan = make_plan(o, root, name, error)) == NULL)
    return LF_EXIT_FAILURE;
  LfApplyOptions ao = apply_options(o);
  g_autofree char *base = lf_tune_state_dir(root, &ao);
  g_autofree char *own = g_build_filename(base, "measure", NULL);
  ao.state_dir = own;
  /* Progress goes to stderr also with --json: stdout stays the document. */
  fprintf(stderr, _("Measuring for %u s under the current settings...\n"), seconds);
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigprocmask(SIG_BLOCK, &stop_signals, &old_mask);
  int rc = measure_run(o, root, name, plan, &ao, seconds, error);
  /* A pending interrupt ends the process now, after the undo. */
  sigprocmask(SIG_SETMASK, &old_mask, NULL);
  return rc;
}

/* ---- dispatch ---------------------------------------------------------- */

int lf_cmd_tune(int argc, char **argv, GError **error)
{
  g_auto(TuneOptions) o = { .wait_s = -1 };
  const GOptionEntry entries[] = {
    { "root", 0, 0, G_OPTION_ARG_FILENAME, &o.root,
      N_("Tune the machine whose files are below DIR (fixtures, chroots)"), N_("DIR") },
    { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &o.state_dir,
      N_("Keep the undo journal and lock in DIR (default <root>/var/lib/lapfit)"), N_("DIR") },
    { "on-ac", 0, 0, G_OPTION_ARG_NONE, &o.on_ac, N_("Use the profile's AC values"), NULL },
    { "on-battery", 0, 0, G_OPTION_ARG_NONE, &o.on_battery,
      N_("Use the profile's battery values"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &o.force,
      N_("Apply even though another power tuner is active"), NULL },
    { "set", 's', 0, G_OPTION_ARG_STRING_ARRAY, &o.sets,
      N_("Override one profile key (repeatable), e.g. cpu_epp_ON_BAT=power"), N_("KEY=VALUE") },
    { "wait", 'w', 0, G_OPTION_ARG_INT, &o.wait_s,
      N_("Wait up to SECONDS for another lapfit run (default 5)"), N_("SECONDS") },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &o.seconds,
      N_("measure: seconds per measurement (default 30)"), N_("N") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &o.dry_run,
      N_("apply: print the plan and stop (the same as plan)"), NULL },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &o.json, N_("Print JSON"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &o.verbose, N_("Log every read and write (debug)"),
      NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = lf_cli_context_new(
      _("status|plan PROFILE|apply PROFILE|undo|auto [PROFILE]|"
        "install [PROFILE]|uninstall|measure [PROFILE]|fullcharge"),
      _("Preview (plan), apply and undo power profiles; follow AC/battery changes (auto).\n"
        "Profiles: built-in power-saver, balanced, performance, plus "
        "/etc/lapfit/profiles.d/NAME.conf."), entries);
  if (!lf_cli_parse(ctx, &argc, &argv, error))
    return LF_EXIT_USAGE;
  if (o.verbose)
    g_log_set_debug_enabled(TRUE);
  if (o.on_ac && o.on_battery) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("--on-ac and --on-battery exclude each other"));
    return LF_EXIT_USAGE;
  }
  const char *sub = argc > 1 ? argv[1] : "status";
  const char *arg = argc > 2 ? argv[2] : NULL;
  if (argc > 3) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unexpected argument '%s'"), argv[3]);
    return LF_EXIT_USAGE;
  }
  gboolean needs_profile = g_str_equal(sub, "plan") || g_str_equal(sub, "apply");
  gboolean takes_profile = needs_profile || g_str_equal(sub, "auto") ||
                           g_str_equal(sub, "install") || g_str_equal(sub, "measure");
  if (!g_str_equal(sub, "status") && !g_str_equal(sub, "undo") && !takes_profile &&
      !g_str_equal(sub, "uninstall") && !g_str_equal(sub, "fullcharge")) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("unknown tune command '%s' (try 'lapfit tune --help')"), sub);
    return LF_EXIT_USAGE;
  }
  if (needs_profile && arg == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("'tune %s' needs a PROFILE"), sub);
    return LF_EXIT_USAGE;
  }
  if (!takes_profile && arg) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unexpected argument '%s'"), arg);
    return LF_EXIT_USAGE;
  }
  g_autoptr(LfSysroot) root = lf_sysroot_new(o.root, error);
  if (root == NULL)
    return LF_EXIT_FAILURE;

  if (g_str_equal(sub, "status"))
    return cmd_status(&o, root, error);
  if (g_str_equal(sub, "plan"))
    return cmd_plan(&o, root, arg, error);
  if (g_str_equal(sub, "apply"))
    return o.dry_run ? cmd_plan(&o, root, arg, error) : cmd_apply(&o, root, arg, error);
  if (g_str_equal(sub, "undo"))
    return cmd_undo(&o, root, error);
  if (g_str_equal(sub, "auto"))
    return cmd_auto(&o, root, arg, error);
  if (g_str_equal(sub, "install"))
    return cmd_install(&o, root, arg ? arg : "balanced", TRUE, error);
  if (g_str_equal(sub, "uninstall"))
    return cmd_install(&o, root, NULL, FALSE, error);
  if (g_str_equal(sub, "fullcharge"))
    return cmd_fullcharge(&o, root, error);
  return cmd_measure(&o, root, arg, error);
}
