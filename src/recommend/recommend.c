/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure: report x table x options -> ranked verdicts (see recommend.h). */
#include "recommend/recommend.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/data-text.h"
#include "core/error.h"
#include "core/human.h"

/* Hostile reports may carry absurd sizes; anything outside this is "unknown". */
#define MAX_SANE_MB ((gint64)1 << 30)        /* 1 PB of RAM */
#define MAX_SANE_GB 1.0e7                    /* 10 PB of disk */

const char *lf_status_to_string(LfStatus status)
{
  switch (status) {
  case LF_STATUS_INFO: return "INFO";
  case LF_STATUS_PASS: return "PASS";
  case LF_STATUS_WARN: return "WARN";
  case LF_STATUS_FAIL: return "FAIL";
  }
  return "FAIL";
}

const char *lf_use_to_string(LfUse use)
{
  switch (use) {
  case LF_USE_DESKTOP: return "desktop";
  case LF_USE_SERVER: return "server";
  case LF_USE_KIOSK: return "kiosk";
  }
  return "desktop";
}

gboolean lf_use_from_string(const char *text, LfUse *out)
{
  static const LfUse uses[] = { LF_USE_DESKTOP, LF_USE_SERVER, LF_USE_KIOSK };
  for (gsize i = 0; text && i < G_N_ELEMENTS(uses); i++)
    if (g_str_equal(text, lf_use_to_string(uses[i]))) {
      *out = uses[i];
      return TRUE;
    }
  return FALSE;
}

void lf_recommend_options_init(LfRecommendOptions *opts)
{
  memset(opts, 0, sizeof *opts);
  opts->use = LF_USE_DESKTOP;
  opts->audience = LF_AUDIENCE_NEWCOMER;
  g_date_clear(&opts->today, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc();
  g_date_set_dmy(&opts->today, (GDateDay)g_date_time_get_day_of_month(now),
                 (GDateMonth)g_date_time_get_month(now), (GDateYear)g_date_time_get_year(now));
}

/* --- figures ---------------------------------------------------------------- */

char *lf_format_mb(gint64 mb)
{
  return lf_figure_mb(mb);
}

char *lf_format_gb(double gb)
{
  return lf_figure_gb(gb);
}

/* --- verdicts --------------------------------------------------------------- */

static void reason_free(gpointer p)
{
  LfReason *r = p;
  g_free(r->check);
  g_free(r->message);
  g_free(r->text);
  g_free(r);
}

static void advice_free(gpointer p)
{
  LfAdvice *a = p;
  g_free(a->kind);
  g_free(a->message);
  g_free(a->text);
  g_free(a->edition_id);
  g_free(a);
}

LfVerdict *lf_verdict_new(const LfDistroEdition *edition)
{
  LfVerdict *v = g_new0(LfVerdict, 1);
  v->edition = edition;
  v->status = LF_STATUS_PASS;
  v->supported = TRUE;
  v->reasons = g_ptr_array_new_with_free_func(reason_free);
  v->advice = g_ptr_array_new_with_free_func(advice_free);
  return v;
}

void lf_verdict_free(LfVerdict *v)
{
  if (v == NULL)
    return;
  g_ptr_array_unref(v->reasons);
  g_ptr_array_unref(v->advice);
  g_free(v);
}

void lf_verdict_take_reason(LfVerdict *v, const char *check, LfStatus status, char *message,
                            char *text)
{
  LfReason *r = g_new0(LfReason, 1);
  r->check = g_strdup(check);
  r->status = status;
  r->message = lf_figures_plain(message);
  r->text = lf_figures_local(text);
  g_free(message);
  g_free(text);
  g_ptr_array_add(v->reasons, r);
  if (status > v->status)
    v->status = status;
}

LfAdvice *lf_verdict_take_advice(LfVerdict *v, const char *kind, int cost,
                                 const char *edition_id, char *message, char *text)
{
  LfAdvice *a = g_new0(LfAdvice, 1);
  a->kind = g_strdup(kind);
  a->cost = cost;
  a->edition_id = g_strdup(edition_id);
  a->target_mb = a->total_mb = a->module_mb = a->modules = LF_UNKNOWN;
  a->disk_gb = NAN;
  a->message = lf_figures_plain(message);
  a->text = lf_figures_local(text);
  g_free(message);
  g_free(text);
  g_ptr_array_add(v->advice, a);
  return a;
}

void lf_edition_words_init(LfEditionWords *w, const LfDistroEdition *e)
{
  w->name = lf_data_phrase(LF_DATA_DISTRO_NAME, e->name);
  w->version = lf_data_phrase(LF_DATA_DISTRO_VERSION, e->version ? e->version : "");
  w->desktop = lf_data_phrase(LF_DATA_DESKTOP, e->desktop ? e->desktop : "?");
  w->label = g_strdup_printf("%s %s", w->name, w->version);
}

void lf_edition_words_clear(LfEditionWords *w)
{
  g_clear_pointer(&w->name, g_free);
  g_clear_pointer(&w->version, g_free);
  g_clear_pointer(&w->desktop, g_free);
  g_clear_pointer(&w->label, g_free);
}

gboolean lf_verdict_has_check(const LfVerdict *v, const char *check, LfStatus at_least)
{
  for (guint i = 0; i < v->reasons->len; i++) {
    const LfReason *r = v->reasons->pdata[i];
    if (r->status >= at_least && g_str_equal(r->check, check))
      return TRUE;
  }
  return FALSE;
}

/* --- context: the machine facts every rule shares ------------------------ */

static gint64 sane_mb(gint64 mb)
{
  return lf_known_int(mb) && mb > 0 && mb < MAX_SANE_MB ? mb : LF_UNKNOWN;
}

void lf_rule_context_init(LfRuleContext *ctx, const LfReport *report,
                          const LfRecommendOptions *opts)
{
  memset(ctx, 0, sizeof *ctx);
  ctx->report = report;
  ctx->opts = opts;
  const LfMemory *m = &report->memory;
  gint64 installed = sane_mb(m->installed_mb);
  ctx->usable_mb = sane_mb(m->usable_mb);
  gboolean estimate = m->installed_source && g_str_equal(m->installed_source, "estimate");
  if (lf_known_int(installed) && !estimate) {
    ctx->ram_basis = "installed";
    ctx->ram_mb = installed;
  } else if (lf_known_int(installed)) {
    ctx->ram_basis = "estimate";
    ctx->ram_mb = ctx->usable_mb;
  } else if (lf_known_int(ctx->usable_mb)) {
    ctx->ram_basis = "usable";
    ctx->ram_mb = ctx->usable_mb;
  } else {
    ctx->ram_basis = "unknown";
    ctx->ram_mb = LF_UNKNOWN;
  }

  /* The largest internal disk: never the removable stick lapfit booted from. */
  for (guint i = 0; report->storage && i < report->storage->len; i++) {
    const LfStorage *s = report->storage->pdata[i];
    if (s->removable == LF_TRI_TRUE || s->boot_medium == LF_TRI_TRUE)
      continue;
    if (s->kind && (g_str_equal(s->kind, "usb") || g_str_equal(s->kind, "sd")))
      continue;
    if (!lf_known_num(s->size_gb) || s->size_gb <= 0 || s->size_gb > MAX_SANE_GB)
      continue;
    if (ctx->disk == NULL || s->size_gb > ctx->disk->size_gb)
      ctx->disk = s;
  }

  const char *isa = report->cpu.isa_level;
  ctx->cpu_level = lf_isa_level_from_string(isa);
  if (ctx->cpu_level < 0 && isa != NULL && *isa != '\0')
    ctx->cpu_level = -2;  /* arm64, riscv64...: not x86 */
  if (ctx->cpu_level == -1 && report->cpu.bits == 32)
    ctx->cpu_level = 0;
}

/* --- judging ------------------------------------------------------------------ */

static int by_score(gconstpointer a, gconstpointer b)
{
  const LfVerdict *x = *(LfVerdict *const *)a, *y = *(LfVerdict *const *)b;
  if (x->score < y->score)
    return -1;
  return x->score > y->score;
}

static gboolean is_supported(const LfRecommendOptions *opts, const LfDistroEdition *e)
{
  double left = lf_days_until(&opts->today, e->support_ends);
  return isnan(left) || left >= 0;
}

static LfVerdict *judge(const LfRuleContext *ctx, const LfDistroEdition *e)
{
  LfVerdict *v = lf_verdict_new(e);
  for (int i = 0; lf_rules[i]; i++)
    lf_rules[i](ctx, e, v);
  v->supported = is_supported(ctx->opts, e);
  return v;
}

void lf_recommendation_free(LfRecommendation *rec)
{
  if (rec == NULL)
    return;
  g_clear_pointer(&rec->verdicts, g_ptr_array_unref);
  g_free(rec->ram_basis);
  g_free(rec->order_message);
  g_free(rec->order_text);
  g_clear_pointer(&rec->best, g_ptr_array_unref);
  g_free(rec->vm_message);
  g_free(rec->vm_text);
  g_free(rec);
}

/* Judges every edition; `keep` (optional) = the one id to keep whatever its support. */
static LfRecommendation *recommend(const LfReport *report, const LfDistroTable *table,
                                   const LfRecommendOptions *opts, const char *keep)
{
  LfRuleContext ctx;
  lf_rule_context_init(&ctx, report, opts);
  LfRecommendation *rec = g_new0(LfRecommendation, 1);
  rec->ram_basis = g_strdup(ctx.ram_basis);
  rec->ram_installed_mb = sane_mb(report->memory.installed_mb);
  rec->ram_usable_mb = ctx.usable_mb;
  rec->use = opts->use;
  rec->audience = opts->audience;
  rec->today = opts->today;
  rec->include_eol = opts->include_eol;
  rec->headroom = lf_rank_headroom(&ctx);
  rec->weak_machine = rec->headroom == LF_HEADROOM_MODEST;
  rec->verdicts = g_ptr_array_new_with_free_func((GDestroyNotify)lf_verdict_free);

  /* Judge all (advice may point at any edition), rank, then drop what is not listed. */
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func((GDestroyNotify)lf_verdict_free);
  for (guint i = 0; i < table->editions->len; i++)
    g_ptr_array_add(all, judge(&ctx, table->editions->pdata[i]));
  for (guint i = 0; i < all->len; i++) {
    LfVerdict *v = all->pdata[i];
    v->score = lf_rank_score(&ctx, rec->headroom, v);
  }
  g_ptr_array_sort(all, by_score);  /* stable (merge sort): ties keep database order */
  for (guint i = 0; i < all->len; i++)
    lf_advise(&ctx, table, all, all->pdata[i]);
  int rank = 0;
  for (guint i = 0; i < all->len; i++) {
    LfVerdict *v = all->pdata[i];
    gboolean listed = keep ? g_str_equal(v->edition->id, keep)
                           : (v->supported || opts->include_eol);
    if (!listed)
      continue;
    v->rank = ++rank;
    g_ptr_array_add(rec->verdicts, g_steal_pointer(&all->pdata[i]));
  }
  if (report->machine.virtual_) {
    const char *vm = report->machine.virtual_;
    rec->vm_message = g_strdup_printf("This is a virtual machine (%s): the verdicts judge its "
                                      "virtual hardware, and memory or disk advice means the "
                                      "VM's settings, not parts to buy.", vm);
    rec->vm_text = g_strdup_printf(_("This is a virtual machine (%s): the verdicts judge its "
                                     "virtual hardware, and memory or disk advice means the "
                                     "VM's settings, not parts to buy."), vm);
  }
  lf_rank_explain(rec, &ctx);
  lf_rank_pick_best(rec);
  return rec;
}

LfRecommendation *lf_recommend(const LfReport *report, const LfDistroTable *table,
                               const LfRecommendOptions *opts)
{
  g_return_val_if_fail(report != NULL && table != NULL && opts != NULL, NULL);
  return recommend(report, table, opts, NULL);
}

const LfVerdict *lf_recommend_one(const LfReport *report, const LfDistroTable *table,
                                  const LfRecommendOptions *opts, const char *id,
                                  LfRecommendation **rec_out, GError **error)
{
  g_return_val_if_fail(report != NULL && table != NULL && opts != NULL && rec_out != NULL,
                       NULL);
  if (lf_distro_table_lookup(table, id) == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND,
                _("unknown distribution edition '%s' (see 'lapfit db list')"), id ? id : "");
    return NULL;
  }
  LfRecommendation *rec = recommend(report, table, opts, id);
  *rec_out = rec;
  return rec->verdicts->len ? rec->verdicts->pdata[0] : NULL;
}
