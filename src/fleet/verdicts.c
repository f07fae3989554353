/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Per-edition verdicts stored with each imported report, from the
 * recommender's typed result (src/recommend): status, and for a WARN/FAIL that
 * parts alone would turn into PASS the purchase (the recommender's advice
 * kind "ram", "ssd" or "ram+ssd") with its RAM target. Stored as verdict
 * sets (schema 7), which `fleet report` aggregates without re-running the
 * recommender. */
#include <string.h>

#include "core/sha256.h"
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

/* --- verdict sets (schema 7) ------------------------------------------------ */

/* A fleet repeats its verdicts: the machines of one model and configuration,
 * and many configurations, are judged alike. So each distinct set of verdicts
 * is stored once and a report points at it (reports.verdict_set): schema 6's
 * 71 rows per report were a fifth of a first import's work and nearly all of
 * `fleet report`'s. */

static int set_row_cmp(gconstpointer a, gconstpointer b)
{
  gint64 x = ((const LfFleetSetRow *)a)->edition, y = ((const LfFleetSetRow *)b)->edition;
  return x < y ? -1 : x > y;
}

/* The set's identity: its rows in edition order as text, every field in its
 * place ("idx:status:fix:ram;", empty for none; no advice kind holds ':'),
 * as SHA-256: a PostgreSQL index entry holds at most 2,704 bytes, which the
 * text of some 250 editions would pass. */
static char *set_key(GArray *rows)
{
  g_array_sort(rows, set_row_cmp);
  GString *key = g_string_sized_new(rows->len * 8);
  for (guint i = 0; i < rows->len; i++) {
    const LfFleetSetRow *r = &g_array_index(rows, LfFleetSetRow, i);
    g_string_append_printf(key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s:", r->edition,
                           r->status, r->fix ? r->fix : "");
    if (lf_known_int(r->fix_ram_mb))
      g_string_append_printf(key, "%" G_GINT64_FORMAT, r->fix_ram_mb);
    g_string_append_c(key, ';');
  }
  g_autoptr(GString) text = key;
  return lf_sha256_hex(text->str, text->len);
}

/* The stored set's id, 0 when there is none, -1 on error. */
static gint64 set_lookup(LfFleet *f, const char *key, GError **error)
{
  LfSqlValue p = LF_SQL_TEXT(key);
  LfStoreRows *rows = lf_store_query(f->store, "SELECT id FROM verdict_sets WHERE key = $1", &p,
                                     1, error);
  if (rows == NULL)
    return -1;
  gint64 id = lf_store_next(rows) ? lf_store_int(rows, 0) : 0;
  return lf_store_finish(rows, error) ? id : -1;
}

static gint64 set_store(LfFleet *f, const char *key, GArray *rows, GError **error)
{
  static const char *const cols[] = { "set_id", "edition", "status", "fix", "fix_ram_mb", NULL };
  LfSqlValue p = LF_SQL_TEXT(key);
  LfStoreRows *st = lf_store_query(f->store,
                                   "INSERT INTO verdict_sets (key) VALUES ($1) RETURNING id", &p,
                                   1, error);
  if (st == NULL)
    return -1;
  gint64 id = lf_store_next(st) ? lf_store_int(st, 0) : -1;
  if (!lf_store_finish(st, error))
    return -1;
  g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(LfSqlValue));
  for (guint i = 0; i < rows->len; i++) {
    const LfFleetSetRow *r = &g_array_index(rows, LfFleetSetRow, i);
    LfSqlValue row[] = { LF_SQL_INT(id), LF_SQL_INT(r->edition), LF_SQL_INT(r->status),
                         LF_SQL_TEXT(r->fix),
                         lf_known_int(r->fix_ram_mb) ? LF_SQL_INT(r->fix_ram_mb) : LF_SQL_NULL };
    g_array_append_vals(values, row, G_N_ELEMENTS(row));
  }
  gboolean ok = lf_store_load(f->store, "set_verdicts", cols, (LfSqlValue *)values->data,
                              rows->len, error);
  return ok ? id : -1;
}

gint64 lf_fleet_verdict_set(LfFleet *f, GArray *rows, GError **error)
{
  if (rows->len == 0)
    return 0;
  g_autofree char *key = set_key(rows);
  const gint64 *hit = g_hash_table_lookup(f->set_index, key);
  if (hit)
    return *hit;
  gint64 id = set_lookup(f, key, error);
  if (id == 0)
    id = set_store(f, key, rows, error);
  if (id <= 0)
    return -1;
  gint64 *value = g_new(gint64, 1);
  *value = id;
  g_hash_table_insert(f->set_index, g_steal_pointer(&key), value);
  return id;
}

gint64 lf_fleet_verdict_set_of(LfFleet *f, const GArray *verdicts, GError **error)
{
  g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(LfFleetSetRow));
  for (guint i = 0; verdicts && i < verdicts->len; i++) {
    const LfFleetVerdict *fv = &g_array_index(verdicts, LfFleetVerdict, i);
    gint64 idx = lf_fleet_edition_idx(f, fv->edition, error);
    if (idx < 0)
      return -1;
    LfFleetSetRow r = { idx, fv->status, fv->fix, fv->fix_ram_mb };
    g_array_append_val(rows, r);
  }
  return lf_fleet_verdict_set(f, rows, error);
}

gboolean lf_fleet_point_reports(LfFleet *f, GArray *pairs, GError **error)
{
  static const char *const cols[] = { "report_id", "set_id", NULL };
  g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(LfSqlValue));
  for (guint i = 0; i + 1 < pairs->len; i += 2) {
    if (g_array_index(pairs, gint64, i + 1) <= 0)
      continue;
    LfSqlValue row[] = { LF_SQL_INT(g_array_index(pairs, gint64, i)),
                         LF_SQL_INT(g_array_index(pairs, gint64, i + 1)) };
    g_array_append_vals(values, row, 2);
  }
  return lf_store_exec(f->store, "CREATE TEMP TABLE IF NOT EXISTS lf_stage_sets "
                                 "(report_id {INT}, set_id {INT}); DELETE FROM lf_stage_sets;",
                       error) &&
         lf_store_load(f->store, "lf_stage_sets", cols, (LfSqlValue *)values->data,
                       values->len / 2, error) &&
         lf_store_exec(f->store, "UPDATE reports SET verdict_set = s.set_id FROM lf_stage_sets s "
                                 "WHERE reports.id = s.report_id", error);
}

/* --- schema 6 rows (migrations) ------------------------------------------------ */

static void append_row(GArray *values, gint64 report_id, gint64 idx, gint64 status,
                       const char *fix, gint64 fix_ram_mb)
{
  LfSqlValue row[LF_FLEET_VERDICT_COLUMNS] = {
    LF_SQL_INT(report_id), LF_SQL_INT(idx), LF_SQL_INT(status), LF_SQL_TEXT(fix),
    lf_known_int(fix_ram_mb) ? LF_SQL_INT(fix_ram_mb) : LF_SQL_NULL,
  };
  g_array_append_vals(values, row, LF_FLEET_VERDICT_COLUMNS);
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
