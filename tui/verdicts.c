/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Adapter from src/recommend/ to the TUI's verdict rows (see verdicts.h). */
#include "verdicts.h"

#include <glib/gi18n.h>

#include "core/data-text.h"
#include "core/error.h"
#include "recommend/recommend.h"

static void edition_free(gpointer p)
{
  LfTuiEdition *e = p;
  g_free(e->name);
  g_clear_pointer(&e->info, g_ptr_array_unref);
  g_free(e);
}

void lf_tui_verdicts_free(LfTuiVerdicts *v)
{
  if (v == NULL)
    return;
  g_clear_pointer(&v->editions, g_ptr_array_unref);
  g_clear_pointer(&v->rec, lf_recommendation_free);
  g_free(v);
}

const LfTuiEdition *lf_tui_edition_of(const LfTuiVerdicts *v, const LfVerdict *verdict)
{
  guint i = (guint)verdict->rank - 1;   /* ranks are 1-based positions in rec->verdicts */
  return i < v->editions->len ? v->editions->pdata[i] : NULL;
}

static void add_info(GPtrArray *info, const char *label, const char *value)
{
  if (value && *value)
    g_ptr_array_add(info, g_strdup_printf("%s: %s", label, value));
}

/* Each fact's confidence, and its own source where it has one (issue #10). */
static void add_confidence(GPtrArray *info, const LfDistroEdition *e)
{
  g_autoptr(GString) conf = g_string_new(NULL);
  for (int f = 0; f < LF_FACT_COUNT; f++) {
    const char *key = lf_edition_fact_key(f);
    g_string_append_printf(conf, "%s%s %s", f ? ", " : "", key, e->fact[f].confidence);
    if (g_strcmp0(e->fact[f].source, e->source) != 0) {
      g_autofree char *label = g_strdup_printf("%s (%s)", _("Source"), key);
      add_info(info, label, e->fact[f].source);
    }
  }
  /* TRANSLATORS: label of "isa O, ram I, ..." in an edition's details */
  add_info(info, _("Confidence (O project, S secondary, I inferred, ? uncertain)"), conf->str);
}

/* Who the edition is for and how heavy its desktop is, with the row's reasons, as `db show`. */
static void add_audience_weight(GPtrArray *info, const LfDistroEdition *e)
{
  const char *why = e->audience_why ? lf_data_text(LF_DATA_AUDIENCE_WHY, e->audience_why) : NULL;
  g_autofree char *audience = why ? g_strdup_printf("%s (%s)", lf_audience_words(e->audience), why)
                                  : g_strdup(lf_audience_words(e->audience));
  /* TRANSLATORS: label in an edition's details: who the edition is for */
  add_info(info, C_("edition details", "For"), audience);
  const char *wwhy = e->weight_why ? lf_data_text(LF_DATA_WEIGHT_WHY, e->weight_why) : NULL;
  g_autofree char *weight = wwhy ? g_strdup_printf("%s (%s)", lf_weight_words(e->weight), wwhy)
                                 : g_strdup(lf_weight_words(e->weight));
  /* TRANSLATORS: label in an edition's details: how much the desktop asks of the machine */
  add_info(info, C_("edition details", "Desktop weight"), weight);
}

static LfTuiEdition *edition_new(const LfVerdict *src)
{
  const LfDistroEdition *e = src->edition;
  LfTuiEdition *v = g_new0(LfTuiEdition, 1);
  v->verdict = src;
  v->name = lf_distro_edition_title(e, TRUE);
  for (guint i = 0; i < src->reasons->len && v->summary == NULL; i++) {
    const LfReason *r = src->reasons->pdata[i];
    if (r->status == src->status && r->status >= LF_STATUS_WARN)
      v->summary = r->text ? r->text : r->message;
  }
  if (v->summary == NULL && !src->supported)
    v->summary = _("support has ended");
  v->info = g_ptr_array_new_with_free_func(g_free);
  add_info(v->info, _("Desktop"), lf_data_text(LF_DATA_DESKTOP, e->desktop));
  add_info(v->info, _("Released"), e->released);
  add_info(v->info, _("Support ends"),
           g_strcmp0(e->support_ends, "rolling") == 0 ? _("rolling release") : e->support_ends);
  add_info(v->info, _("Architecture"), e->arch);
  add_info(v->info, _("Notes"), lf_data_text(LF_DATA_NOTE, e->notes));
  add_audience_weight(v->info, e);
  add_info(v->info, _("Source"), e->source);
  add_confidence(v->info, e);
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
  LfTuiVerdicts *out = g_new0(LfTuiVerdicts, 1);
  out->rec = lf_recommend(report, table, &opts);
  out->editions = g_ptr_array_new_with_free_func(edition_free);
  for (guint i = 0; i < out->rec->verdicts->len; i++)
    g_ptr_array_add(out->editions, edition_new(out->rec->verdicts->pdata[i]));
  /* The whole why of each of the best three opens its details on the Recommend screen. */
  for (guint i = 0; i < out->rec->best->len; i++) {
    const LfBestPick *p = out->rec->best->pdata[i];
    const LfTuiEdition *e = lf_tui_edition_of(out, p->verdict);
    if (e)
      g_ptr_array_insert(e->info, 0, g_strdup(p->text));
  }
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
