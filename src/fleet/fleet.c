/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "fleet/fleet.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "core/error.h"
#include "core/report-json.h"
#include "export/export.h"
#include "core/machine-id.h"
#include "fleet/fleet-private.h"

/* --- schema -------------------------------------------------------------- */

static const char *column_sql_type(LfColumnType t)
{
  switch (t) {
  case LF_COLUMN_STRING: return "{TEXT}";
  case LF_COLUMN_INT:
  case LF_COLUMN_BOOL: return "{INT}";
  case LF_COLUMN_NUMBER: return "{REAL}";
  }
  return "{TEXT}";
}

/* Version 1 (lapfit before the summary columns) stored only the JSON. */
#define SCHEMA_V1 \
  "CREATE TABLE reports (id {ID}, machine_id {TEXT} NOT NULL, " \
  "sha256 {TEXT} NOT NULL UNIQUE, generated {TEXT}, imported {TEXT} NOT NULL, " \
  "json {TEXT} NOT NULL);" \
  "CREATE INDEX reports_machine ON reports(machine_id, generated);"

/* The next slice of (id, text) rows of @sql (ids above $1, ascending): one
 * query open at a time on a store, so a migration reads, then writes. */
static gboolean read_slice(LfFleet *f, const char *sql, gint64 *last, GArray *ids,
                           GPtrArray *texts, GError **error)
{
  LfSqlValue p = LF_SQL_INT(*last);
  LfStoreRows *rows = lf_store_query(f->store, sql, &p, 1, error);
  if (rows == NULL)
    return FALSE;
  g_array_set_size(ids, 0);
  g_ptr_array_set_size(texts, 0);
  while (lf_store_next(rows)) {
    *last = lf_store_int(rows, 0);
    g_array_append_val(ids, *last);
    g_ptr_array_add(texts, g_strdup(lf_store_text(rows, 1)));
  }
  return lf_store_finish(rows, error);
}

/* 1 -> 2: summary columns, source file, verdicts, the machines table. */
static gboolean migrate_v2(LfFleet *f, GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GString) sql = g_string_new("ALTER TABLE reports ADD COLUMN source {TEXT};"
                                        "ALTER TABLE reports ADD COLUMN verdicts {TEXT};");
  for (guint i = 0; i < n; i++) {
    if (g_str_equal(cols[i].name, "machine_id") || g_str_equal(cols[i].name, "generated"))
      continue;
    g_string_append_printf(sql, "ALTER TABLE reports ADD COLUMN \"%s\" %s;", cols[i].name,
                           column_sql_type(cols[i].type));
  }
  g_string_append(sql, "CREATE TABLE machines (machine_id {TEXT} PRIMARY KEY, "
                       "latest_report {INT} NOT NULL, latest_generated {TEXT}, "
                       "reports {INT} NOT NULL){WITHOUT_ROWID};");
  if (!lf_store_exec(f->store, sql->str, error))
    return FALSE;
  /* Backfill the new columns from the stored JSON. */
  gint64 last = 0;
  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
  g_autoptr(GPtrArray) jsons = g_ptr_array_new_with_free_func(g_free);
  for (;;) {
    if (!read_slice(f, "SELECT id, json FROM reports WHERE id > $1 ORDER BY id LIMIT 500", &last,
                    ids, jsons, error))
      return FALSE;
    if (ids->len == 0)
      break;
    for (guint i = 0; i < ids->len; i++) {
      gint64 id = g_array_index(ids, gint64, i);
      g_autoptr(GError) local = NULL;
      const char *json = jsons->pdata[i];
      g_autoptr(LfReport) r = lf_report_from_json(json ? json : "", -1, &local);
      if (r == NULL) {
        g_debug("fleet: report %" G_GINT64_FORMAT " unreadable in migration: %s", id,
                local->message);
        continue;
      }
      /* verdicts: rows of their own since schema 6 (backfill_verdicts) */
      if (!lf_fleet_update_summary(f, id, r, error))
        return FALSE;
    }
  }
  return lf_store_exec(f->store,
      "INSERT INTO machines(machine_id, latest_report, latest_generated, reports) "
      "SELECT machine_id, (SELECT r2.id FROM reports r2 WHERE r2.machine_id = r.machine_id "
      "ORDER BY COALESCE(r2.generated, '') DESC, r2.id DESC LIMIT 1), MAX(generated), COUNT(*) "
      "FROM reports r GROUP BY machine_id;", error);
}

/* 2 -> 3: the JSON moves to its own table. In `reports` it sat before the
 * summary columns, so reading any of them walked the JSON's overflow pages:
 * `fleet report` read the whole database. */
static gboolean migrate_v3(LfFleet *f, GError **error)
{
  return lf_store_exec(f->store,
      "CREATE TABLE report_json (id {INT} PRIMARY KEY, json {TEXT} NOT NULL);"
      "INSERT INTO report_json (id, json) SELECT id, json FROM reports;"
      "ALTER TABLE reports DROP COLUMN json;", error);
}

/* 3 -> 4: verdicts as one letter per edition (`editions` maps the index to
 * the id): 60+ editions by name cost 1.5 KB per report. */
static gboolean migrate_v4(LfFleet *f, GError **error)
{
  if (!lf_store_exec(f->store, "CREATE TABLE editions (idx {ID}, id {TEXT} NOT NULL UNIQUE);",
                     error))
    return FALSE;
  gint64 last = 0;
  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
  g_autoptr(GPtrArray) verdicts = g_ptr_array_new_with_free_func(g_free);
  for (;;) {
    if (!read_slice(f, "SELECT id, verdicts FROM reports WHERE id > $1 AND verdicts IS NOT NULL "
                       "ORDER BY id LIMIT 500", &last, ids, verdicts, error))
      return FALSE;
    if (ids->len == 0)
      return TRUE;
    for (guint i = 0; i < ids->len; i++) {
      g_autofree char *enc = NULL;
      if (!lf_fleet_encode_verdicts(f, verdicts->pdata[i], &enc, error))
        return FALSE;
      LfSqlValue up[] = { LF_SQL_INT(g_array_index(ids, gint64, i)), LF_SQL_TEXT(enc) };
      if (!lf_store_run(f->store, "UPDATE reports SET verdicts = $2 WHERE id = $1", up, 2, NULL,
                        error))
        return FALSE;
    }
  }
}

/* 4 -> 5: the hash of each imported file's bytes, so a re-import skips a
 * file it has seen before reading it as JSON. Existing rows have none: their
 * files are parsed once more on the next import, then recorded. */
static gboolean migrate_v5(LfFleet *f, GError **error)
{
  return lf_store_exec(f->store, "CREATE TABLE report_files (sha256 {TEXT} PRIMARY KEY, "
                                 "report_id {INT} NOT NULL);", error);
}

/* 5 -> 6: verdicts as typed rows of their own table (edition, status, fix,
 * RAM target) instead of a string per report that every reader parsed. */
#define VERDICTS_TABLE \
  "CREATE TABLE verdicts (report_id {INT} NOT NULL, edition {INT} NOT NULL, " \
  "status {INT} NOT NULL, fix {TEXT}, fix_ram_mb {INT}, " \
  "PRIMARY KEY (report_id, edition)){WITHOUT_ROWID};"

static gboolean migrate_v6(LfFleet *f, GError **error)
{
  if (!lf_store_exec(f->store, VERDICTS_TABLE, error))
    return FALSE;
  gint64 last = 0;
  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(LfSqlValue));
  for (;;) {
    if (!read_slice(f, "SELECT id, verdicts FROM reports WHERE id > $1 AND verdicts IS NOT NULL "
                       "ORDER BY id LIMIT 500", &last, ids, letters, error))
      return FALSE;
    if (ids->len == 0)
      break;
    g_array_set_size(rows, 0);
    for (guint i = 0; i < ids->len; i++)
      lf_fleet_v5_verdict_rows(g_array_index(ids, gint64, i), letters->pdata[i], rows);
    if (!lf_fleet_load_verdicts(f, rows, error))
      return FALSE;
  }
  return lf_store_exec(f->store, "ALTER TABLE reports DROP COLUMN verdicts;", error);
}

/* 6 -> 7: each distinct set of verdicts stored once (`verdict_sets`, keyed
 * by the SHA-256 of its rows as text; the rows in `set_verdicts`), each
 * report pointing at its set, instead of a row per report and edition. */
#define SETS_TABLES \
  "CREATE TABLE verdict_sets (id {ID}, key {TEXT} NOT NULL UNIQUE);" \
  "CREATE TABLE set_verdicts (set_id {INT} NOT NULL, edition {INT} NOT NULL, " \
  "status {INT} NOT NULL, fix {TEXT}, fix_ram_mb {INT}, " \
  "PRIMARY KEY (set_id, edition)){WITHOUT_ROWID};" \
  "ALTER TABLE reports ADD COLUMN verdict_set {INT};"

/* The schema 6 rows of reports ($1, $2], in report order, as (report id,
 * set id) pairs. */
static gboolean v6_sets(LfFleet *f, gint64 after, gint64 upto, GArray *pairs, GError **error)
{
  LfSqlValue p[] = { LF_SQL_INT(after), LF_SQL_INT(upto) };
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT report_id, edition, status, fix, fix_ram_mb FROM verdicts "
      "WHERE report_id > $1 AND report_id <= $2 ORDER BY report_id, edition", p, 2, error);
  if (st == NULL)
    return FALSE;
  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
  g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(LfFleetSetRow));
  while (lf_store_next(st)) {
    gint64 id = lf_store_int(st, 0);
    LfFleetSetRow r = { lf_store_int(st, 1), lf_store_int(st, 2),
                        g_intern_string(lf_store_text(st, 3)),
                        lf_store_is_null(st, 4) ? LF_UNKNOWN : lf_store_int(st, 4) };
    g_array_append_val(ids, id);
    g_array_append_val(rows, r);
  }
  if (!lf_store_finish(st, error))
    return FALSE;
  /* one query open at a time: the sets are looked up after reading */
  g_autoptr(GArray) one = g_array_new(FALSE, FALSE, sizeof(LfFleetSetRow));
  for (guint i = 0; i < rows->len; i++) {
    g_array_append_val(one, g_array_index(rows, LfFleetSetRow, i));
    gint64 id = g_array_index(ids, gint64, i);
    if (i + 1 < rows->len && g_array_index(ids, gint64, i + 1) == id)
      continue;
    gint64 set = lf_fleet_verdict_set(f, one, error);
    if (set < 0)
      return FALSE;
    g_array_append_val(pairs, id);
    g_array_append_val(pairs, set);
    g_array_set_size(one, 0);
  }
  return TRUE;
}

static gboolean migrate_v7(LfFleet *f, GError **error)
{
  if (!lf_store_exec(f->store, SETS_TABLES, error))
    return FALSE;
  gint64 last = 0;
  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
  g_autoptr(GPtrArray) unused = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(gint64));
  for (;;) {
    gint64 after = last;
    if (!read_slice(f, "SELECT id, NULL FROM reports WHERE id > $1 ORDER BY id LIMIT 2000",
                    &last, ids, unused, error))
      return FALSE;
    if (ids->len == 0)
      break;
    g_array_set_size(pairs, 0);
    if (!v6_sets(f, after, last, pairs, error) || !lf_fleet_point_reports(f, pairs, error))
      return FALSE;
  }
  return lf_store_exec(f->store, "DROP TABLE verdicts;", error);
}

/* A version 1 database had no verdicts: judge its reports once, after the
 * schema is current. */
static gboolean backfill_verdicts(LfFleet *f, GError **error)
{
  gint64 last = 0;
  g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
  g_autoptr(GPtrArray) jsons = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(gint64));
  while (f->verdict_func) {
    if (!read_slice(f, "SELECT id, json FROM report_json WHERE id > $1 ORDER BY id LIMIT 500",
                    &last, ids, jsons, error))
      return FALSE;
    if (ids->len == 0)
      break;
    g_array_set_size(pairs, 0);
    for (guint i = 0; i < ids->len; i++) {
      const char *json = jsons->pdata[i];
      g_autoptr(LfReport) r = lf_report_from_json(json ? json : "", -1, NULL);
      g_autoptr(GArray) verdicts = r ? lf_fleet_cached_verdicts(f, r) : NULL;
      gint64 set = lf_fleet_verdict_set_of(f, verdicts, error);
      if (set < 0)
        return FALSE;
      g_array_append_val(pairs, g_array_index(ids, gint64, i));
      g_array_append_val(pairs, set);
    }
    if (!lf_fleet_point_reports(f, pairs, error))
      return FALSE;
  }
  return TRUE;
}

void lf_fleet_forget_ids(LfFleet *f)
{
  g_hash_table_remove_all(f->edition_index);
  g_hash_table_remove_all(f->set_index);
}

static gint64 edition_lookup(LfFleet *f, const char *id, GError **error)
{
  LfSqlValue p = LF_SQL_TEXT(id);
  LfStoreRows *rows = lf_store_query(f->store, "SELECT idx FROM editions WHERE id = $1", &p, 1,
                                     error);
  if (rows == NULL)
    return -2;
  gint64 idx = lf_store_next(rows) ? lf_store_int(rows, 0) : -1;
  return lf_store_finish(rows, error) ? idx : -2;
}

gint64 lf_fleet_edition_idx(LfFleet *f, const char *id, GError **error)
{
  gpointer hit = g_hash_table_lookup(f->edition_index, id);
  if (hit)
    return GPOINTER_TO_INT(hit) - 1;
  gint64 idx = edition_lookup(f, id, error);
  if (idx == -1) {
    LfSqlValue p = LF_SQL_TEXT(id);
    if (!lf_store_run(f->store, "INSERT INTO editions (id) VALUES ($1)", &p, 1, NULL, error))
      return -1;
    idx = edition_lookup(f, id, error);
  }
  if (idx < 0)
    return -1;
  if (idx >= 100000) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': too many editions"),
                lf_store_name(f->store));
    return -1;
  }
  g_hash_table_insert(f->edition_index, g_strdup(id), GINT_TO_POINTER((int)idx + 1));
  return idx;
}
gboolean lf_fleet_encode_verdicts(LfFleet *f, const char *verdicts, char **out, GError **error)
{
  *out = NULL;
  if (verdicts == NULL || *verdicts == '\0')
    return TRUE;
  g_autoptr(GString) status = g_string_new(NULL);
  g_autoptr(GString) fixes = g_string_new(NULL);
  g_auto(GStrv) parts = g_strsplit(verdicts, ";", -1);
  for (char **p = parts; *p; p++) {
    char *eq = strchr(*p, '=');
    if (eq == NULL)
      continue;
    *eq = '\0';
    char *fix = strchr(eq + 1, ':');
    if (fix)
      *fix++ = '\0';
    gint64 idx = lf_fleet_edition_idx(f, *p, error);
    if (idx < 0)
      return FALSE;
    while (status->len <= (gsize)idx)
      g_string_append_c(status, '-');
    const char *v = eq + 1;
    status->str[idx] = g_str_equal(v, "PASS") ? 'P' : g_str_equal(v, "WARN") ? 'W'
                       : g_str_equal(v, "FAIL") ? 'F' : 'U';
    if (fix)
      g_string_append_printf(fixes, "%s%" G_GINT64_FORMAT ":%s", fixes->len ? "," : "", idx, fix);
  }
  if (fixes->len)
    g_string_append_printf(status, "|%s", fixes->str);
  *out = g_string_free(g_steal_pointer(&status), FALSE);
  return TRUE;
}

static gboolean migrate(LfFleet *f, GError **error)
{
  /* Up to date: no write lock, so opening never waits for an import. */
  gint64 current = 0;
  gboolean other = FALSE;
  if (lf_store_get_version(f->store, &current, &other, NULL) && !other &&
      current == LF_FLEET_SCHEMA_VERSION)
    return TRUE;
  if (!lf_store_begin(f->store, error))
    return FALSE;
  const char *name = lf_store_name(f->store);
  gint64 version = 0;
  gboolean foreign = FALSE;
  gboolean ok = lf_store_get_version(f->store, &version, &foreign, error);
  if (ok && foreign) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB,
                lf_store_kind(f->store) == LF_STORE_SQLITE
                    ? _("'%s' is an SQLite database but not a lapfit fleet database")
                    : _("'%s' holds other tables: not a lapfit fleet database"),
                name);
    ok = FALSE;
  } else if (ok && version > LF_FLEET_SCHEMA_VERSION) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("fleet database '%s' has schema version %" PRId64
                  ", newer than this lapfit reads (%d): upgrade lapfit"),
                name, version, LF_FLEET_SCHEMA_VERSION);
    ok = FALSE;
  }
  if (ok && version < 1)
    ok = lf_store_exec(f->store, SCHEMA_V1, error);
  if (ok && version < 2)
    ok = migrate_v2(f, error);
  if (ok && version < 3)
    ok = migrate_v3(f, error);
  if (ok && version < 4)
    ok = migrate_v4(f, error);
  if (ok && version < 5)
    ok = migrate_v5(f, error);
  if (ok && version < 6)
    ok = migrate_v6(f, error);
  if (ok && version < 7)
    ok = migrate_v7(f, error);
  if (ok && version == 1)
    ok = backfill_verdicts(f, error);
  if (ok && version < LF_FLEET_SCHEMA_VERSION) {
    ok = lf_store_set_version(f->store, LF_FLEET_SCHEMA_VERSION, error);
    if (ok && version > 0)
      g_debug("fleet: upgraded '%s' from schema %" G_GINT64_FORMAT " to %d", name, version,
              LF_FLEET_SCHEMA_VERSION);
  }
  if (ok)
    return lf_store_commit(f->store, error);
  lf_store_rollback(f->store);
  lf_fleet_forget_ids(f);  /* ids assigned in it are gone */
  return FALSE;
}

gboolean lf_fleet_is_uri(const char *db)
{
  return lf_store_is_uri(db);
}

LfFleet *lf_fleet_open(const char *db, GError **error)
{
  g_autoptr(LfFleet) f = g_new0(LfFleet, 1);
  f->store = lf_store_open(db, TRUE, error);
  if (f->store == NULL)
    return NULL;
  f->verdict_func = lf_fleet_recommend_verdicts;
  g_mutex_init(&f->cache_lock);
  g_mutex_init(&f->progress_lock);
  g_cond_init(&f->progress_cond);
  f->verdict_cache =
      g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  f->edition_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  f->set_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  /* Creating the schema can meet another lapfit doing the same, where
   * SQLite answers BUSY without waiting: retry. */
  for (int attempt = 0;; attempt++) {
    g_autoptr(GError) local = NULL;
    if (migrate(f, &local) && lf_store_ready(f->store, &local))
      break;
    if (!lf_store_busy(f->store) || attempt >= 600) {
      g_propagate_error(error, g_steal_pointer(&local));
      return NULL;
    }
    g_usleep(50 * 1000);
  }
  return g_steal_pointer(&f);
}

void lf_fleet_close(LfFleet *f)
{
  if (f == NULL)
    return;
  lf_store_close(f->store);
  g_clear_pointer(&f->edition_index, g_hash_table_unref);
  g_clear_pointer(&f->set_index, g_hash_table_unref);
  if (f->verdict_cache) {
    g_hash_table_unref(f->verdict_cache);
    g_mutex_clear(&f->cache_lock);
    g_mutex_clear(&f->progress_lock);
    g_cond_clear(&f->progress_cond);
  }
  g_free(f);
}

const char *lf_fleet_name(LfFleet *f)
{
  return lf_store_name(f->store);
}

void lf_fleet_set_verdict_func(LfFleet *f, LfFleetVerdictFunc func, gpointer user_data)
{
  f->verdict_func = func;
  f->verdict_data = user_data;
  g_hash_table_remove_all(f->verdict_cache);
}

void lf_fleet_set_progress(LfFleet *f, LfFleetProgressFunc func, gpointer user_data)
{
  f->progress = func;
  f->progress_data = user_data;
}

/* What the verdicts depend on: the report without identity, time and the
 * parts no requirement looks at (batteries, power state, probe errors), as
 * JSON without the private fields: typed and escaped, so different values
 * never read alike (numbers as their shortest exact text; strings from a
 * parsed report are valid UTF-8, so none is replaced). */
static char *verdict_key(const LfReport *r)
{
  static const char *const skip[] = { "generated", "machine_id", "batteries", "power", "errors",
                                      NULL };
  g_autoptr(GString) text = g_string_sized_new(4096);
  for (const LfField *f = lf_report_desc.fields; f->key; f++) {
    if (g_strv_contains(skip, f->key))
      continue;
    /* one top-level field at a time through a one-field description */
    const LfField one[] = { *f, { NULL, 0, 0, NULL, 0 } };
    const LfStructDesc d = { "key", lf_report_desc.size, one, NULL };
    lf_struct_append_json(text, &d, r, LF_JSON_DEFAULT);
  }
  return g_string_free(g_steal_pointer(&text), FALSE);
}

/* The keys are the texts themselves (about 3 KB each): hashing them with
 * SHA-256 cost a tenth of a first import. Bounded to some 25 MB; a fleet of
 * more distinct configurations starts the cache again. */
#define VERDICT_CACHE_MAX 8192

GArray *lf_fleet_cached_verdicts(LfFleet *f, const LfReport *r)
{
  g_autofree char *key = verdict_key(r);
  g_mutex_lock(&f->cache_lock);
  GArray *hit = g_hash_table_lookup(f->verdict_cache, key);
  GArray *out = hit ? g_array_ref(hit) : NULL;
  g_mutex_unlock(&f->cache_lock);
  if (out == NULL) {
    out = f->verdict_func(r, f->verdict_data);
    if (out == NULL)  /* none: cached as an empty array */
      out = g_array_new(FALSE, FALSE, sizeof(LfFleetVerdict));
    g_mutex_lock(&f->cache_lock);
    if (g_hash_table_size(f->verdict_cache) >= VERDICT_CACHE_MAX)
      g_hash_table_remove_all(f->verdict_cache);
    g_hash_table_replace(f->verdict_cache, g_steal_pointer(&key), g_array_ref(out));
    g_mutex_unlock(&f->cache_lock);
  }
  if (out->len == 0)
    g_clear_pointer(&out, g_array_unref);
  return out;
}

/* --- summary columns ------------------------------------------------------- */

char *lf_fleet_summary_column_list(const char *prefix)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GString) s = g_string_new(NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf(s, "%s%s\"%s\"", s->len ? ", " : "", prefix, cols[i].name);
  return g_string_free(g_steal_pointer(&s), FALSE);
}

gboolean lf_fleet_update_summary(LfFleet *f, gint64 id, const LfReport *r, GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GString) sql = g_string_new("UPDATE reports SET ");
  g_autoptr(GPtrArray) values = lf_report_summary(r);
  g_autofree LfSqlValue *params = g_new0(LfSqlValue, n + 1);
  params[0] = LF_SQL_INT(id);
  guint k = 1;
  for (guint i = 0; i < n; i++) {
    if (g_str_equal(cols[i].name, "machine_id") || g_str_equal(cols[i].name, "generated"))
      continue;
    params[k] = lf_sql_value_from_json(values->pdata[i]);
    g_string_append_printf(sql, "%s\"%s\" = $%u", k > 1 ? ", " : "", cols[i].name, k + 1);
    k++;
  }
  g_string_append(sql, " WHERE id = $1");
  return lf_store_run(f->store, sql->str, params, k, NULL, error);
}

/* --- list ------------------------------------------------------------------ */

gboolean lf_fleet_foreach_machine(LfFleet *f, LfFleetMachineFunc func, gpointer user_data,
                                  GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autofree char *names = lf_fleet_summary_column_list("r.");
  g_autofree char *sql = g_strdup_printf(
      "SELECT %s, m.reports FROM machines m JOIN reports r ON r.id = m.latest_report "
      "ORDER BY m.machine_id", names);
  LfStoreRows *rows = lf_store_query(f->store, sql, NULL, 0, error);
  if (rows == NULL)
    return FALSE;
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref);
  while (lf_store_next(rows)) {
    g_ptr_array_set_size(row, 0);
    for (guint i = 0; i < n; i++)
      g_ptr_array_add(row, lf_store_value(rows, i, cols[i].type));
    func(row, lf_store_int(rows, n), user_data);
  }
  return lf_store_finish(rows, error);
}

gboolean lf_fleet_count(LfFleet *f, gint64 *machines, GError **error)
{
  return lf_store_query_int(f->store, "SELECT COUNT(*) FROM machines", machines, error);
}

static void add_object(GPtrArray *row, gint64 reports, gpointer user_data)
{
  JsonArray *arr = user_data;
  json_array_add_element(arr, lf_fleet_machine_to_json(row, reports));
}

JsonNode *lf_fleet_machine_to_json(GPtrArray *row, gint64 reports)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  JsonObject *o = json_object_new();
  for (guint i = 0; i < n && i < row->len; i++)
    json_object_set_member(o, cols[i].name, json_node_ref(row->pdata[i]));
  json_object_set_int_member(o, "reports", reports);
  JsonNode *node = json_node_init_object(json_node_alloc(), o);
  json_object_unref(o);
  return node;
}

JsonNode *lf_fleet_list(LfFleet *f, GError **error)
{
  JsonArray *arr = json_array_new();
  JsonNode *node = json_node_init_array(json_node_alloc(), arr);
  json_array_unref(arr);
  if (!lf_fleet_foreach_machine(f, add_object, arr, error)) {
    json_node_unref(node);
    return NULL;
  }
  return node;
}

int lf_fleet_cmp_strp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}
