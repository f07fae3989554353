/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Per-edition verdicts stored with each imported report, from the
 * recommender (src/recommend): "id=STATUS[:FIX];..." where FIX names the
 * purchase that would turn a WARN/FAIL into PASS when RAM and/or the disk
 * kind are the only problems: "ram<MB>", "ssd" or "ram<MB>+ssd". `fleet
 * report` aggregates these strings without re-running the recommender. */
#include <string.h>

#include "fleet/fleet-private.h"
#include "recommend/recommend.h"

static const LfDistroTable *shared_table(void)
{
  g_autoptr(GError) local = NULL;
  const LfDistroTable *table = lf_distro_table_get(NULL, &local);
  if (table == NULL)
    g_debug("fleet: no verdicts: %s", local->message);
  return table;
}

static gboolean has_advice(const LfVerdict *v, const char *kind)
{
  for (guint i = 0; v->advice && i < v->advice->len; i++)
    if (g_str_equal(((LfAdvice *)v->advice->pdata[i])->kind, kind))
      return TRUE;
  return FALSE;
}

/* "ram4096", "ssd", "ram4096+ssd" or NULL when parts alone do not make it PASS. */
static char *purchase_fix(const LfVerdict *v)
{
  gboolean ram = FALSE, ssd = FALSE;
  for (guint i = 0; v->reasons && i < v->reasons->len; i++) {
    const LfReason *r = v->reasons->pdata[i];
    if (r->status < LF_STATUS_WARN)
      continue;
    if (g_str_equal(r->check, "ram"))
      ram = TRUE;
    else if (g_str_equal(r->check, "disk-kind"))
      ssd = TRUE;
    else
      return NULL;
  }
  if ((ram && !has_advice(v, "ram")) || (ssd && !has_advice(v, "ssd")) || !(ram || ssd))
    return NULL;
  gint64 target = lf_ram_target(v->edition, LF_USE_DESKTOP);
  if (ram && !lf_known_int(target))
    return NULL;
  g_autofree char *r = ram ? g_strdup_printf("ram%" G_GINT64_FORMAT, target) : NULL;
  return g_strconcat(r ? r : "", r && ssd ? "+" : "", ssd ? "ssd" : "", NULL);
}

char *lf_fleet_recommend_verdicts(const LfReport *report, gpointer user_data)
{
  const LfDistroTable *table = shared_table();
  if (table == NULL)
    return NULL;
  LfRecommendOptions opts;
  lf_recommend_options_init(&opts);   /* desktop use, supported editions, today */
  g_autoptr(LfRecommendation) rec = lf_recommend(report, table, &opts);
  GString *out = g_string_new(NULL);
  for (guint i = 0; rec && i < rec->verdicts->len; i++) {
    const LfVerdict *v = rec->verdicts->pdata[i];
    g_string_append_printf(out, "%s%s=%s", out->len ? ";" : "", v->edition->id,
                           lf_status_to_string(v->status));
    g_autofree char *fix = v->status != LF_STATUS_PASS ? purchase_fix(v) : NULL;
    if (fix)
      g_string_append_printf(out, ":%s", fix);
  }
  if (out->len == 0) {
    g_string_free(out, TRUE);
    return NULL;
  }
  return g_string_free(out, FALSE);
}
