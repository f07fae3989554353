/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Plans: current knob values x profile -> rows (pure: no I/O, no globals). */
#include "tune/tune.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "core/json-build.h"

const char *lf_plan_action_to_string(LfPlanAction action)
{
  switch (action) {
  case LF_PLAN_CHANGE:
    return "change";
  case LF_PLAN_SAME:
    return "same";
  case LF_PLAN_SKIP:
    return "skip";
  }
  g_assert_not_reached();
}

static void row_free(gpointer p)
{
  LfPlanRow *r = p;
  g_free(r->path);
  g_free(r->instance);
  g_free(r->from);
  g_free(r->to);
  g_free(r->reason);
  g_free(r->origin);
  g_free(r);
}

void lf_plan_free(LfPlan *plan)
{
  if (plan == NULL)
    return;
  g_free(plan->profile);
  g_clear_pointer(&plan->rows, g_ptr_array_unref);
  g_free(plan);
}

guint lf_plan_count(const LfPlan *plan, LfPlanAction action)
{
  guint n = 0;
  for (guint i = 0; i < plan->rows->len; i++)
    if (((LfPlanRow *)plan->rows->pdata[i])->action == action)
      n++;
  return n;
}

static gboolean offered(const LfKnobState *st, const char *word)
{
  if (st->allowed)
    return g_ptr_array_find_with_equal_func(st->allowed, word, g_str_equal, NULL);
  if (st->knob->choices)
    return g_strv_contains(st->knob->choices, word);
  return TRUE;   /* the kernel lists nothing: trust the profile */
}

static char *join_allowed(const LfKnobState *st)
{
  if (st->allowed) {
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < st->allowed->len; i++)
      g_string_append_printf(s, "%s%s", i ? " " : "", (char *)st->allowed->pdata[i]);
    return g_string_free(s, FALSE);
  }
  return g_strjoinv(" ", (char **)st->knob->choices);
}

/* A charge threshold within its driver's rules (charge.c). FALSE: skipped. */
static gboolean fit_threshold(const LfKnobState *st, gint64 want, gint64 *out, LfPlanRow *row)
{
  const LfChargeRule *rule = st->charge_rule;
  gboolean start = g_str_equal(st->knob->id, "charge_start_threshold");
  const char *driver = rule->driver ? rule->driver : "power_supply";
  if (start && rule->start_max < 0) {
    row->action = LF_PLAN_SKIP;
    row->reason_id = "not-offered";
    /* TRANSLATORS: %s: a kernel driver such as msi-ec */
    row->reason = g_strdup_printf(_("the %s driver sets the start threshold itself"), driver);
    return FALSE;
  }
  *out = lf_charge_rule_fit(rule, start, want);
  if (*out != want) {
    row->reason_id = "adjusted";
    /* TRANSLATORS: kernel driver, value written, value the profile asked for */
    row->reason = g_strdup_printf(_("the %s driver takes %" PRId64 ", not %" PRId64), driver,
                                  *out, want);
  }
  return TRUE;
}

/* Fills row->to / action / reason for one instance. switched: the plan
 * switches the daemon's profile (it answered on D-Bus and the profile names one). */
static void decide(const LfKnobState *st, const char *value, gboolean switched, LfPlanRow *row)
{
  if (st->tuner_id && st->delegated) {
    row->action = LF_PLAN_SKIP;
    row->reason_id = "left-to-daemon";
    row->reason = switched
        /* TRANSLATORS: %s: a daemon such as power-profiles-daemon */
        ? g_strdup_printf(_("left to %s: it sets this from its own power profile, "
                            "which lapfit switches instead"), st->tuner_name)
        /* TRANSLATORS: %s: a daemon such as power-profiles-daemon; it did not answer on
           D-Bus or the lapfit profile names no power_profile */
        : g_strdup_printf(_("left to %s: it sets this from its own power profile, which "
                            "stays as it is"), st->tuner_name);
    return;
  }
  row->tuner_id = st->tuner_id;
  row->tuner_name = st->tuner_name;
  row->tuner_running = st->tuner_running;
  if (st->excluded) {
    row->action = LF_PLAN_SKIP;
    row->reason_id = st->knob->writable ? "excluded" : "not-writable";
    row->reason = g_strdup(st->excluded);
    return;
  }
  if (st->current == NULL) {
    row->action = LF_PLAN_SKIP;
    row->reason_id = "unreadable";
    row->reason = g_strdup(_("the current value cannot be read"));
    return;
  }
  gint64 cur = 0, want = 0;
  switch (st->knob->type) {
  case LF_KNOB_CHOICE:
  case LF_KNOB_BRACKETED:
  case LF_KNOB_DAEMON:
  case LF_KNOB_NETLINK: {
    g_auto(GStrv) words = g_strsplit_set(value, " \t", -1);
    for (guint i = 0; words[i] && row->to == NULL; i++)
      if (*words[i] && offered(st, words[i]))
        row->to = g_strdup(words[i]);
    if (row->to == NULL) {
      g_autofree char *have = join_allowed(st);
      row->action = LF_PLAN_SKIP;
      row->reason_id = "not-offered";
      /* TRANSLATORS: first %s: profile values, second: what the kernel offers */
      row->reason = g_strdup_printf(_("this machine offers none of '%s' (it offers: %s)"),
                                    value, have);
      return;
    }
    row->action = g_str_equal(row->to, st->current) ? LF_PLAN_SAME : LF_PLAN_CHANGE;
    return;
  }
  case LF_KNOB_INT:
    if (!lf_parse_int(value, &want)) {
      row->action = LF_PLAN_SKIP;
      row->reason_id = "invalid";
      row->reason = g_strdup(_("the profile value is not a number"));
      return;
    }
    if (st->charge_rule && !fit_threshold(st, want, &want, row))
      return;
    row->to = g_strdup_printf("%" G_GINT64_FORMAT, want);
    row->action = lf_parse_int(st->current, &cur) && cur == want ? LF_PLAN_SAME : LF_PLAN_CHANGE;
    return;
  case LF_KNOB_CAP_PERCENT:
    if (st->max_raw <= 0 || !lf_parse_int(st->current, &cur) || !lf_parse_int(value, &want)) {
      row->action = LF_PLAN_SKIP;
      row->reason_id = "unreadable";
      row->reason = g_strdup(_("max_brightness or brightness cannot be read"));
      return;
    }
    gint64 cap = MAX(1, st->max_raw * want / 100);
    if (cur > cap) {
      row->to = g_strdup_printf("%" G_GINT64_FORMAT, cap);
      row->action = LF_PLAN_CHANGE;
    } else {
      row->to = g_strdup(st->current);
      row->action = LF_PLAN_SAME;   /* already at or below the cap */
    }
    return;
  }
  g_assert_not_reached();
}

static gint64 row_int(const char *s)
{
  gint64 v = 0;
  return lf_parse_int(s, &v) ? v : -1;
}

static gint64 row_gap(const LfPlanRow *r)
{
  return r->gap > 0 ? r->gap : 1;
}

/* Lowers a start threshold that would sit closer to the stop threshold than
 * the driver allows (Dell: 5 points). */
static void fit_gaps(GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++) {
    LfPlanRow *start = rows->pdata[i];
    if (!g_str_equal(start->knob->id, "charge_start_threshold") || start->to == NULL)
      continue;
    for (guint j = 0; j < rows->len; j++) {
      LfPlanRow *stop = rows->pdata[j];
      if (!g_str_equal(stop->knob->id, "charge_stop_threshold") ||
          !g_str_equal(stop->instance, start->instance))
        continue;
      gint64 limit = row_int(stop->to ? stop->to : stop->from) - row_gap(start);
      if (limit >= 0 && row_int(start->to) > limit) {
        g_free(start->to);
        start->to = g_strdup_printf("%" G_GINT64_FORMAT, limit);
        start->action = g_strcmp0(start->to, start->from) ? LF_PLAN_CHANGE : LF_PLAN_SAME;
        start->reason_id = "adjusted";
        g_free(start->reason);
        /* TRANSLATORS: %s: a number of percentage points */
        start->reason = g_strdup_printf(_("lowered to stay %" PRId64
                                          " points below the stop threshold"), row_gap(start));
      }
    }
  }
}

/* Thresholds: the kernel wants start < stop at every moment. Writing start
 * first is safe unless the new start reaches the current stop; then stop
 * goes first. */
static void order_thresholds(GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++) {
    LfPlanRow *start = rows->pdata[i];
    if (!g_str_equal(start->knob->id, "charge_start_threshold") ||
        start->action != LF_PLAN_CHANGE)
      continue;
    for (guint j = i + 1; j < rows->len; j++) {
      LfPlanRow *stop = rows->pdata[j];
      if (!g_str_equal(stop->knob->id, "charge_stop_threshold") ||
          !g_str_equal(stop->instance, start->instance))
        continue;
      if (stop->action == LF_PLAN_CHANGE &&
          row_int(start->to) + row_gap(start) > row_int(stop->from)) {
        g_ptr_array_steal_index(rows, j);
        g_ptr_array_insert(rows, (gint)i, stop);
      }
      break;
    }
  }
}

LfPlan *lf_plan_new(const GPtrArray *states, const LfProfile *profile, LfPowerSource source)
{
  g_return_val_if_fail(states != NULL && profile != NULL, NULL);
  LfPlan *plan = g_new0(LfPlan, 1);
  plan->profile = g_strdup(lf_profile_name(profile));
  plan->source = source;
  plan->rows = g_ptr_array_new_with_free_func(row_free);
  gboolean switched = FALSE;
  for (guint i = 0; i < states->len; i++) {
    const LfKnobState *st = states->pdata[i];
    const char *v = lf_profile_get(profile, st->knob->id, source, NULL);
    switched |= st->knob->type == LF_KNOB_DAEMON && v && *v;
  }
  for (guint i = 0; i < states->len; i++) {
    const LfKnobState *st = states->pdata[i];
    const char *origin = NULL;
    const char *value = lf_profile_get(profile, st->knob->id, source, &origin);
    g_autofree char *followed = NULL;
    if (value == NULL && st->knob->follows) {
      followed = lf_charge_follow(st->knob->id,
                                  lf_profile_get(profile, st->knob->follows, source, &origin));
      value = followed;
    }
    if (value == NULL || *value == '\0')
      continue;
    LfPlanRow *row = g_new0(LfPlanRow, 1);
    row->knob = st->knob;
    row->path = g_strdup(st->path);
    row->instance = g_strdup(st->instance);
    row->from = g_strdup(st->current);
    row->origin = g_strdup(origin);
    row->gap = st->charge_rule ? st->charge_rule->gap : 0;
    decide(st, value, switched, row);
    g_ptr_array_add(plan->rows, row);
  }
  fit_gaps(plan->rows);
  order_thresholds(plan->rows);
  return plan;
}

JsonNode *lf_plan_to_json(const LfPlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  lf_json_set_string(b, "profile", plan->profile);
  lf_json_set_string(b, "source", lf_power_source_to_string(plan->source));
  json_builder_set_member_name(b, "changes");
  json_builder_add_int_value(b, lf_plan_count(plan, LF_PLAN_CHANGE));
  json_builder_set_member_name(b, "rows");
  json_builder_begin_array(b);
  for (guint i = 0; i < plan->rows->len; i++) {
    const LfPlanRow *r = plan->rows->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string(b, "knob", r->knob->id);
    lf_json_set_string(b, "description", r->knob->description);   /* untranslated */
    lf_json_set_string(b, "cost", r->knob->cost);
    lf_json_set_string(b, "instance", r->instance);
    lf_json_set_string(b, "path", r->path);
    lf_json_set_string(b, "from", r->from);
    lf_json_set_string(b, "to", r->to);
    lf_json_set_string(b, "action", lf_plan_action_to_string(r->action));
    lf_json_set_string(b, "reason", r->reason_id);    /* stable id */
    lf_json_set_string(b, "detail", r->reason);       /* translated sentence */
    lf_json_set_string(b, "origin", r->origin);
    lf_json_set_string(b, "tuner", r->tuner_id);      /* another tuner that writes it too */
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_end_object(b);
  return json_builder_get_root(b);
}
