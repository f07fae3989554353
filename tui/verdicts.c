/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Adapter from src/recommend/ to the TUI's verdict rows (see verdicts.h). */
#include "verdicts.h"

#include <glib/gi18n.h>

#include "core/error.h"
#include "recommend/recommend.h"

static void line_free(gpointer p)
{
  LfTuiLine *l = p;
  g_free(l->verdict);
  g_free(l->text);
  g_free(l);
}

static void verdict_free(gpointer p)
{
  LfTuiVerdict *v = p;
  g_free(v->id);
  g_free(v->name);
  g_free(v->verdict);
  g_free(v->summary);
  g_clear_pointer(&v->reasons, g_ptr_array_unref);
  g_clear_pointer(&v->advice, g_ptr_array_unref);
  g_clear_pointer(&v->info, g_ptr_array_unref);
  g_free(v);
}

void lf_tui_verdicts_free(LfTuiVerdicts *v)
{
  if (v == NULL)
    return;
  g_clear_pointer(&v->verdicts, g_ptr_array_unref);
  g_clear_pointer(&v->best, g_ptr_array_unref);
  g_free(v->order_note);
  g_free(v);
}

static void best_free(gpointer p)
{
  LfTuiBest *b = p;
  g_free(b->why);
  g_free(b->who);
  g_free(b);
}

static const char *status_id(LfStatus s)
{
  switch (s) {
  case LF_STATUS_INFO: return "info";
  case LF_STATUS_PASS: return "pass";
  case LF_STATUS_WARN: return "warn";
  case LF_STATUS_FAIL: return "fail";
  }
  return "info";
}

static void add_info(GPtrArray *info, const char *label, const char *value)
{
  if (value && *value)
    g_ptr_array_add(info, g_strdup_printf("%s: %s", label, value));
}

static LfTuiVerdict *copy_verdict(const LfVerdict *src)
{
  const LfDistroEdition *e = src->edition;
  LfTuiVerdict *v = g_new0(LfTuiVerdict, 1);
  v->id = g_strdup(e->id);
  v->name = e->desktop ? g_strdup_printf("%s %s (%s)", e->name, e->version ? e->version : "",
                                         e->desktop)
                       : g_strdup_printf("%s %s", e->name, e->version ? e->version : "");
  v->verdict = g_strdup(status_id(src->status));
  v->supported = src->supported;
  v->reasons = g_ptr_array_new_with_free_func(line_free);
  for (guint i = 0; i < src->reasons->len; i++) {
    const LfReason *r = src->reasons->pdata[i];
    LfTuiLine *l = g_new0(LfTuiLine, 1);
    l->verdict = g_strdup(status_id(r->status));
    l->text = g_strdup(r->text ? r->text : r->message);
    g_ptr_array_add(v->reasons, l);
    if (v->summary == NULL && r->status == src->status && r->status >= LF_STATUS_WARN)
      v->summary = g_strdup(l->text);
  }
  if (v->summary == NULL && !src->supported)
    v->summary = g_strdup(_("support has ended"));
  v->advice = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < src->advice->len; i++) {
    const LfAdvice *a = src->advice->pdata[i];
    g_ptr_array_add(v->advice, g_strdup(a->text ? a->text : a->message));
  }
  v->info = g_ptr_array_new_with_free_func(g_free);
  add_info(v->info, _("Desktop"), e->desktop);
  add_info(v->info, _("Released"), e->released);
  add_info(v->info, _("Support ends"),
           g_strcmp0(e->support_ends, "rolling") == 0 ? _("rolling release") : e->support_ends);
  add_info(v->info, _("Architecture"), e->arch);
  add_info(v->info, _("Notes"), e->notes);
  add_info(v->info, _("Source"), e->source);
  /* Each fact's confidence, and its own source where it has one (issue #10). */
  const struct { const char *key, *conf, *src; } facts[] = {
    { "isa", e->isa_confidence, e->isa_source }, { "ram", e->ram_confidence, e->ram_source },
    { "disk", e->disk_confidence, e->disk_source }, { "boot", e->boot_confidence, e->boot_source },
    { "ia32_uefi", e->ia32_uefi_confidence, e->ia32_uefi_source },
    { "firmware", e->firmware_confidence, e->firmware_source },
  };
  g_autoptr(GString) conf = g_string_new(NULL);
  for (gsize i = 0; i < G_N_ELEMENTS(facts); i++) {
    g_string_append_printf(conf, "%s%s %s", i ? ", " : "", facts[i].key, facts[i].conf);
    if (g_strcmp0(facts[i].src, e->source) != 0) {
      g_autofree char *label = g_strdup_printf("%s (%s)", _("Source"), facts[i].key);
      add_info(v->info, label, facts[i].src);
    }
  }
  /* TRANSLATORS: label of "isa O, ram I, ..." in an edition's details */
  add_info(v->info, _("Confidence (O project, S secondary, I inferred, ? uncertain)"), conf->str);
  return v;
}

LfTuiVerdicts *lf_tui_verdicts_compute(const LfReport *report, const char *db, const char *use,
                                       gboolean include_eol, GError **error)
{
  LfRecommendOptions opts;
  lf_recommend_options_init(&opts);
  opts.include_eol = include_eol;
  if (use && !lf_use_from_string(use, &opts.use)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unknown use '%s'"), use);
    return NULL;
  }
  /* The table is read once per process: the recommender is pure and fast, the
   * database read is the slow part. */
  const LfDistroTable *table = lf_distro_table_get(db, error);
  if (table == NULL)
    return NULL;
  g_autoptr(LfRecommendation) rec = lf_recommend(report, table, &opts);
  LfTuiVerdicts *out = g_new0(LfTuiVerdicts, 1);
  out->verdicts = g_ptr_array_new_with_free_func(verdict_free);
  for (guint i = 0; i < rec->verdicts->len; i++)
    g_ptr_array_add(out->verdicts, copy_verdict(rec->verdicts->pdata[i]));
  out->best = g_ptr_array_new_with_free_func(best_free);
  for (guint i = 0; i < rec->best->len; i++) {
    const LfBestPick *p = rec->best->pdata[i];
    LfTuiBest *b = g_new0(LfTuiBest, 1);
    b->index = (guint)p->verdict->rank - 1;   /* ranks are 1-based positions in verdicts */
    b->why = g_strdup(p->text);
    b->who = g_strdup(_(p->who));
    /* The whole why opens the edition's details on the Recommend screen. */
    LfTuiVerdict *tv = out->verdicts->pdata[b->index];
    g_ptr_array_insert(tv->info, 0, g_strdup(p->text));
    g_ptr_array_add(out->best, b);
  }
  out->order_note = g_strdup(rec->order_text ? rec->order_text : rec->order_message);
  return out;
}

#include "tui.h"

gpointer lf_tui_verdicts(LfTui *tui, const GError **error_out)
{
  if (!tui->rec.done && tui->report) {
    tui->rec.verdicts =
        lf_tui_verdicts_compute(tui->report, tui->db, tui->rec.use, tui->rec.include_eol,
                                &tui->rec.error);
    tui->rec.done = TRUE;
  }
  if (error_out)
    *error_out = tui->rec.error;
  return tui->rec.verdicts;
}

void lf_tui_set_use(LfTui *tui, const char *use, gboolean include_eol)
{
  char *copy = g_strdup(use);     /* use may be tui->rec.use itself */
  g_free(tui->rec.use);
  tui->rec.use = copy;
  tui->rec.include_eol = include_eol;
  g_clear_pointer(&tui->rec.verdicts, lf_tui_verdicts_free);
  g_clear_error(&tui->rec.error);
  tui->rec.done = FALSE;
  lf_tui_invalidate(tui);
}
