/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Per-edition verdicts stored with each imported report, from the
 * recommender's typed result (src/recommend): status, and for a WARN/FAIL that
 * parts alone would turn into PASS the purchase (the recommender's advice
 * kind "ram", "ssd" or "ram+ssd") with its RAM target. Stored as rows of
 * `verdicts` (schema 6), which `fleet report` aggregates without re-running
 * the recommender. */
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

static const LfAdvice *advice_of(const LfVerdict *v, const char *kind)
{
  for (guint i = 0; v->advice && i < v->advice->len; i++)
    if (g_str_equal(((LfAdvice *)v->advice->pdata[i])->kind, kind))
      return v->advice->pdata[i];
  return NULL;
}

/* The parts that alone turn v into PASS, as an advice kind, with the RAM
 * target in *ram_mb; NULL when anything but RAM and the disk kind is wrong. */
static const char *purchase(const LfVerdict *v, gint64 *ram_mb)
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
  /* Both needed: the recommender gives them as one fix, "ram+ssd". */
  const char *kind = ram && ssd ? "ram+ssd" : ram ? "ram" : "ssd";
  const LfAdvice *a = ram || ssd ? advice_of(v, kind) : NULL;
  if (a == NULL || (ram && !lf_known_int(a->target_mb)))
    return NULL;
  *ram_mb = ram ? a->target_mb : LF_UNKNOWN;
  return kind;
}

GArray *lf_fleet_recommend_verdicts(const LfReport *report, gpointer user_data)
{
  const LfDistroTable *table = shared_table();
  if (table == NULL)
    return NULL;
  LfRecommendOptions opts;
  lf_recommend_options_init(&opts);   /* desktop use, supported editions, today */
  g_autoptr(LfRecommendation) rec = lf_recommend(report, table, &opts);
  if (rec == NULL || rec->verdicts->len == 0)
    return NULL;
  GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(LfFleetVerdict), rec->verdicts->len);
  for (guint i = 0; i < rec->verdicts->len; i++) {
    const LfVerdict *v = rec->verdicts->pdata[i];
    LfFleetVerdict fv = { g_intern_string(v->edition->id), v->status, NULL, LF_UNKNOWN };
    if (v->status != LF_STATUS_PASS)
      fv.fix = purchase(v, &fv.fix_ram_mb);
    g_array_append_val(out, fv);
  }
  return out;
}

/* --- rows ------------------------------------------------------------------ */

static void append_row(GArray *values, gint64 report_id, gint64 idx, gint64 status,
                       const char *fix, gint64 fix_ram_mb)
{
  LfSqlValue row[LF_FLEET_VERDICT_COLUMNS] = {
    LF_SQL_INT(report_id), LF_SQL_INT(idx), LF_SQL_INT(status), LF_SQL_TEXT(fix),
    lf_known_int(fix_ram_mb) ? LF_SQL_INT(fix_ram_mb) : LF_SQL_NULL,
  };
  g_array_append_vals(values, row, LF_FLEET_VERDICT_COLUMNS);
}

gboolean lf_fleet_verdict_rows(LfFleet *f, gint64 report_id, const GArray *verdicts,
                               GArray *values, GError **error)
{
  for (guint i = 0; verdicts && i < verdicts->len; i++) {
    const LfFleetVerdict *fv = &g_array_index(verdicts, LfFleetVerdict, i);
    gint64 idx = lf_fleet_edition_idx(f, fv->edition, error);
    if (idx < 0)
      return FALSE;
    append_row(values, report_id, idx, fv->status, fv->fix, fv->fix_ram_mb);
  }
  return TRUE;
}

gboolean lf_fleet_load_verdicts(LfFleet *f, GArray *values, GError **error)
{
  static const char *const cols[] = { "report_id", "edition", "status", "fix", "fix_ram_mb",
                                      NULL };
  return lf_store_load(f->store, "verdicts", cols, (LfSqlValue *)values->data,
                       values->len / LF_FLEET_VERDICT_COLUMNS, error);
}

/* A schema 5 purchase ("ram4096", "ssd", "ram4096+ssd") as an advice kind and
 * RAM target; NULL for a form no lapfit wrote. */
static const char *v5_fix(const char *text, gint64 *ram_mb)
{
  *ram_mb = LF_UNKNOWN;
  if (g_str_equal(text, "ssd"))
    return "ssd";
  if (!g_str_has_prefix(text, "ram") || !g_ascii_isdigit(text[3]))
    return NULL;
  char *end = NULL;
  guint64 mb = g_ascii_strtoull(text + 3, &end, 10);
  if (mb == 0 || mb > ((guint64)1 << 40))
    return NULL;
  *ram_mb = (gint64)mb;
  return *end == '\0' ? "ram" : g_str_equal(end, "+ssd") ? "ram+ssd" : NULL;
}

void lf_fleet_v5_verdict_rows(gint64 report_id, const char *letters, GArray *values)
{
  const char *bar = strchr(letters, '|');
  gsize n = bar ? (gsize)(bar - letters) : strlen(letters);
  g_autoptr(GHashTable) fixes = g_hash_table_new_full(NULL, NULL, NULL, g_free);
  g_auto(GStrv) parts = bar ? g_strsplit(bar + 1, ",", -1) : NULL;
  for (char **p = parts; p && *p; p++) {
    const char *colon = strchr(*p, ':');
    if (colon)
      g_hash_table_replace(fixes, GSIZE_TO_POINTER(g_ascii_strtoull(*p, NULL, 10)),
                           g_strdup(colon + 1));
  }
  for (gsize i = 0; i < n; i++) {
    char c = letters[i];
    if (c == '-')
      continue;
    gint64 status = c == 'P' ? LF_STATUS_PASS : c == 'W' ? LF_STATUS_WARN
                    : c == 'F' ? LF_STATUS_FAIL : LF_FLEET_STATUS_UNKNOWN;
    const char *text = g_hash_table_lookup(fixes, GSIZE_TO_POINTER(i));
    gint64 ram_mb = LF_UNKNOWN;
    const char *fix = text ? v5_fix(text, &ram_mb) : NULL;
    if (text && fix == NULL)
      g_debug("fleet: report %" G_GINT64_FORMAT ": purchase '%s' not understood", report_id,
              text);
    append_row(values, report_id, (gint64)i, status, fix, fix ? ram_mb : LF_UNKNOWN);
  }
}
