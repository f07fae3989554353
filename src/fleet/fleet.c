/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "fleet/fleet.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "core/error.h"
#include "core/report-json.h"
#include "export/export.h"
#include "core/machine-id.h"
#include "fleet/fleet-private.h"

#define APPLICATION_ID 0x4c466c74 /* 'LFlt' */
#define BUSY_TIMEOUT_MS 60000

gboolean lf_fleet_sql_error(LfFleet *f, GError **error, const char *what)
{
  g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': %s: %s"), f->path, what,
              sqlite3_errmsg(f->db));
  return FALSE;
}

gboolean lf_fleet_exec(LfFleet *f, const char *sql, GError **error)
{
  char *msg = NULL;
  if (sqlite3_exec(f->db, sql, NULL, NULL, &msg) == SQLITE_OK)
    return TRUE;
  g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': %s"), f->path,
              msg ? msg : sqlite3_errmsg(f->db));
  sqlite3_free(msg);
  return FALSE;
}

sqlite3_stmt *lf_fleet_prepare(LfFleet *f, const char *sql, GError **error)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(f->db, sql, -1, &st, NULL) != SQLITE_OK) {
    lf_fleet_sql_error(f, error, "prepare");
    return NULL;
  }
  return st;
}

static gboolean query_int(LfFleet *f, const char *sql, gint64 *out, GError **error)
{
  sqlite3_stmt *st = lf_fleet_prepare(f, sql, error);
  if (st == NULL)
    return FALSE;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW)
    return lf_fleet_sql_error(f, error, "query");
  return TRUE;
}

/* --- schema -------------------------------------------------------------- */

static const char *column_sql_type(LfColumnType t)
{
  switch (t) {
  case LF_COLUMN_STRING: return "TEXT";
  case LF_COLUMN_INT:
  case LF_COLUMN_BOOL: return "INTEGER";
  case LF_COLUMN_NUMBER: return "REAL";
  }
  return "TEXT";
}

/* Version 1 (lapfit before the summary columns) stored only the JSON. */
#define SCHEMA_V1 \
  "CREATE TABLE reports (id INTEGER PRIMARY KEY, machine_id TEXT NOT NULL, " \
  "sha256 TEXT NOT NULL UNIQUE, generated TEXT, imported TEXT NOT NULL, json TEXT NOT NULL);" \
  "CREATE INDEX reports_machine ON reports(machine_id, generated);"

/* 1 -> 2: summary columns, source file, verdicts, the machines table. */
static gboolean migrate_v2(LfFleet *f, GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GString) sql = g_string_new("ALTER TABLE reports ADD COLUMN source TEXT;"
                                        "ALTER TABLE reports ADD COLUMN verdicts TEXT;");
  for (guint i = 0; i < n; i++) {
    if (g_str_equal(cols[i].name, "machine_id") || g_str_equal(cols[i].name, "generated"))
      continue;
    g_string_append_printf(sql, "ALTER TABLE reports ADD COLUMN \"%s\" %s;", cols[i].name,
                           column_sql_type(cols[i].type));
  }
  g_string_append(sql, "CREATE TABLE machines (machine_id TEXT PRIMARY KEY, "
                       "latest_report INTEGER NOT NULL, latest_generated TEXT, "
                       "reports INTEGER NOT NULL) WITHOUT ROWID;");
  if (!lf_fleet_exec(f, sql->str, error))
    return FALSE;
  /* Backfill the new columns from the stored JSON. */
  sqlite3_stmt *sel = lf_fleet_prepare(f, "SELECT id, json FROM reports", error);
  if (sel == NULL)
    return FALSE;
  gboolean ok = TRUE;
  while (ok && sqlite3_step(sel) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64(sel, 0);
    const char *json = (const char *)sqlite3_column_text(sel, 1);
    g_autoptr(GError) local = NULL;
    g_autoptr(LfReport) r = lf_report_from_json(json ? json : "", -1, &local);
    if (r == NULL) {
      g_debug("fleet: report %" G_GINT64_FORMAT " unreadable in migration: %s", id,
              local->message);
      continue;
    }
    g_autofree char *verdicts = f->verdict_func ? f->verdict_func(r, f->verdict_data) : NULL;
    ok = lf_fleet_update_summary(f, id, r, verdicts, error);
  }
  sqlite3_finalize(sel);
  return ok && lf_fleet_exec(f,
      "INSERT INTO machines(machine_id, latest_report, latest_generated, reports) "
      "SELECT machine_id, (SELECT r2.id FROM reports r2 WHERE r2.machine_id = r.machine_id "
      "ORDER BY r2.generated DESC, r2.id DESC LIMIT 1), MAX(generated), COUNT(*) "
      "FROM reports r GROUP BY machine_id;", error);
}

/* 2 -> 3: the JSON moves to its own table. In `reports` it sat before the
 * summary columns, so reading any of them walked the JSON's overflow pages:
 * `fleet report` read the whole database. */
static gboolean migrate_v3(LfFleet *f, GError **error)
{
  return lf_fleet_exec(f,
      "CREATE TABLE report_json (id INTEGER PRIMARY KEY, json TEXT NOT NULL);"
      "INSERT INTO report_json (id, json) SELECT id, json FROM reports;"
      "ALTER TABLE reports DROP COLUMN json;", error);
}

/* 3 -> 4: verdicts as one letter per edition (`editions` maps the index to
 * the id): 60+ editions by name cost 1.5 KB per report. */
static gboolean migrate_v4(LfFleet *f, GError **error)
{
  if (!lf_fleet_exec(f, "CREATE TABLE editions (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);",
                     error))
    return FALSE;
  sqlite3_stmt *sel = lf_fleet_prepare(f, "SELECT id, verdicts FROM reports WHERE verdicts IS NOT NULL",
                                       error);
  sqlite3_stmt *up = lf_fleet_prepare(f, "UPDATE reports SET verdicts = ?2 WHERE id = ?1", error);
  gboolean ok = sel && up;
  while (ok && sqlite3_step(sel) == SQLITE_ROW) {
    g_autofree char *enc = NULL;
    ok = lf_fleet_encode_verdicts(f, (const char *)sqlite3_column_text(sel, 1), &enc, error);
    if (!ok)
      break;
    sqlite3_reset(up);
    sqlite3_bind_int64(up, 1, sqlite3_column_int64(sel, 0));
    sqlite3_bind_text(up, 2, enc, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(up) != SQLITE_DONE)
      ok = lf_fleet_sql_error(f, error, "update verdicts");
  }
  sqlite3_finalize(sel);
  sqlite3_finalize(up);
  return ok;
}

/* 4 -> 5: the hash of each imported file's bytes, so a re-import skips a
 * file it has seen before reading it as JSON. Existing rows have none: their
 * files are parsed once more on the next import, then recorded. */
static gboolean migrate_v5(LfFleet *f, GError **error)
{
  return lf_fleet_exec(f, "CREATE TABLE report_files (sha256 TEXT PRIMARY KEY, "
                          "report_id INTEGER NOT NULL);", error);
}

static gint64 edition_idx(LfFleet *f, const char *id, GError **error)
{
  gpointer hit = g_hash_table_lookup(f->edition_index, id);
  if (hit)
    return GPOINTER_TO_INT(hit) - 1;
  sqlite3_stmt *ins = lf_fleet_prepare(f, "INSERT OR IGNORE INTO editions (id) VALUES (?1)", error);
  sqlite3_stmt *sel = lf_fleet_prepare(f, "SELECT idx FROM editions WHERE id = ?1", error);
  gint64 idx = -1;
  if (ins && sel) {
    sqlite3_bind_text(ins, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(sel, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) == SQLITE_DONE && sqlite3_step(sel) == SQLITE_ROW)
      idx = sqlite3_column_int64(sel, 0);
    else
      lf_fleet_sql_error(f, error, "editions");
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(sel);
  if (idx >= 0 && idx < 100000)
    g_hash_table_insert(f->edition_index, g_strdup(id), GINT_TO_POINTER((int)idx + 1));
  else if (idx >= 0)
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': too many editions"), f->path);
  return idx < 100000 ? idx : -1;
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
    gint64 idx = edition_idx(f, *p, error);
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
  if (!lf_fleet_exec(f, "BEGIN IMMEDIATE", error))
    return FALSE;
  gint64 version = 0, app = 0, tables = 0;
  gboolean ok = query_int(f, "PRAGMA user_version", &version, error) &&
                query_int(f, "PRAGMA application_id", &app, error) &&
                query_int(f, "SELECT COUNT(*) FROM sqlite_master", &tables, error);
  if (ok && version == 0 && tables > 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB,
                _("'%s' is an SQLite database but not a lapfit fleet database"), f->path);
    ok = FALSE;
  } else if (ok && app != 0 && app != APPLICATION_ID) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB,
                _("'%s' is an SQLite database but not a lapfit fleet database"), f->path);
    ok = FALSE;
  } else if (ok && version > LF_FLEET_SCHEMA_VERSION) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("fleet database '%s' has schema version %" PRId64
                  ", newer than this lapfit reads (%d): upgrade lapfit"),
                f->path, version, LF_FLEET_SCHEMA_VERSION);
    ok = FALSE;
  }
  if (ok && version < 1)
    ok = lf_fleet_exec(f, SCHEMA_V1, error);
  if (ok && version < 2)
    ok = migrate_v2(f, error);
  if (ok && version < 3)
    ok = migrate_v3(f, error);
  if (ok && version < 4)
    ok = migrate_v4(f, error);
  if (ok && version < 5)
    ok = migrate_v5(f, error);
  if (ok && version < LF_FLEET_SCHEMA_VERSION) {
    g_autofree char *sql = g_strdup_printf("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                           APPLICATION_ID, LF_FLEET_SCHEMA_VERSION);
    ok = lf_fleet_exec(f, sql, error);
    if (ok && version > 0)
      g_debug("fleet: upgraded '%s' from schema %" G_GINT64_FORMAT " to %d", f->path, version,
              LF_FLEET_SCHEMA_VERSION);
  }
  if (ok)
    return lf_fleet_exec(f, "COMMIT", error);
  sqlite3_exec(f->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all(f->edition_index);  /* ids assigned in it are gone */
  return FALSE;
}

/* A foreign SQLite file is refused before anything writes to it: switching
 * to WAL rewrites its header (#13). Reads only. */
static gboolean check_not_foreign(LfFleet *f, GError **error)
{
  gint64 version = 0, app = 0, tables = 0;
  if (!query_int(f, "PRAGMA application_id", &app, error) ||
      !query_int(f, "PRAGMA user_version", &version, error) ||
      !query_int(f, "SELECT COUNT(*) FROM sqlite_master", &tables, error))
    return FALSE;
  if ((app != 0 && app != APPLICATION_ID) || (app == 0 && version == 0 && tables > 0)) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB,
                _("'%s' is an SQLite database but not a lapfit fleet database"), f->path);
    return FALSE;
  }
  return TRUE;
}

LfFleet *lf_fleet_open(const char *path, GError **error)
{
  /* SQLite would block opening a FIFO and happily open a device. */
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB,
                _("cannot open fleet database '%s': not a regular file"), path);
    return NULL;
  }
  g_autoptr(LfFleet) f = g_new0(LfFleet, 1);
  f->path = g_strdup(path);
  if (sqlite3_open_v2(path, &f->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("cannot open fleet database '%s': %s"), path,
                f->db ? sqlite3_errmsg(f->db) : "out of memory");
    return NULL;
  }
  sqlite3_busy_timeout(f->db, BUSY_TIMEOUT_MS);
  f->verdict_func = lf_fleet_recommend_verdicts;
  g_mutex_init(&f->cache_lock);
  f->verdict_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  f->edition_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_extended_result_codes(f->db, 1);
  /* WAL: readers never block the writer, and two imports queue on the lock.
   * Switching a new file to WAL and creating the schema can meet another
   * lapfit doing the same, where SQLite answers BUSY without waiting: retry. */
  for (int attempt = 0;; attempt++) {
    g_autoptr(GError) local = NULL;
    if (check_not_foreign(f, &local) &&
        lf_fleet_exec(f, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", &local) &&
        migrate(f, &local))
      break;
    int code = sqlite3_errcode(f->db) & 0xff;
    if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || attempt >= 600) {
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
  if (f->db)
    sqlite3_close_v2(f->db);
  g_clear_pointer(&f->edition_index, g_hash_table_unref);
  if (f->verdict_cache) {
    g_hash_table_unref(f->verdict_cache);
    g_mutex_clear(&f->cache_lock);
  }
  g_free(f->path);
  g_free(f);
}

void lf_fleet_set_verdict_func(LfFleet *f, LfFleetVerdictFunc func, gpointer user_data)
{
  f->verdict_func = func;
  f->verdict_data = user_data;
  g_hash_table_remove_all(f->verdict_cache);
}

/* Appends every field of a described struct, type-tagged and length-prefixed
 * so different values never hash alike; private fields are left out. */
static void append_fields(GString *out, const LfStructDesc *desc, gconstpointer p)
{
  for (const LfField *f = desc->fields; f->key; f++) {
    if (f->flags & LF_FIELD_PRIVATE)
      continue;
    gconstpointer fp = (const char *)p + f->offset;
    switch (f->type) {
    case LF_FIELD_STRING: {
      const char *v = *(char *const *)fp;
      if (v)
        g_string_append_printf(out, "s%zu:%s", strlen(v), v);
      else
        g_string_append_c(out, 'n');
      break;
    }
    case LF_FIELD_INT: g_string_append_printf(out, "i%" G_GINT64_FORMAT ";", *(const gint64 *)fp); break;
    case LF_FIELD_NUMBER: g_string_append_printf(out, "d%a;", *(const double *)fp); break;
    case LF_FIELD_TRI: g_string_append_printf(out, "t%d", (int)*(const LfTri *)fp); break;
    case LF_FIELD_STRUCT: append_fields(out, f->sub, fp); break;
    case LF_FIELD_ARRAY:
    case LF_FIELD_STRV: {
      const GPtrArray *a = *(GPtrArray *const *)fp;
      g_string_append_printf(out, "[%u", a ? a->len : 0);
      for (guint i = 0; a && i < a->len; i++) {
        if (f->type == LF_FIELD_ARRAY)
          append_fields(out, f->sub, a->pdata[i]);
        else
          g_string_append_printf(out, "s%zu:%s", strlen(a->pdata[i]), (char *)a->pdata[i]);
      }
      g_string_append_c(out, ']');
      break;
    }
    }
  }
}

/* What the verdicts depend on: the report without identity, time and the
 * parts no requirement looks at (batteries, power state, probe errors). */
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
    g_string_append(text, f->key);
    append_fields(text, &d, r);
  }
  return g_compute_checksum_for_string(G_CHECKSUM_SHA256, text->str, (gssize)text->len);
}

#define VERDICT_CACHE_MAX 200000

static char *cached_verdicts(LfFleet *f, const LfReport *r)
{
  g_autofree char *key = verdict_key(r);
  g_mutex_lock(&f->cache_lock);
  const char *hit = g_hash_table_lookup(f->verdict_cache, key);
  char *out = hit ? g_strdup(hit) : NULL;
  g_mutex_unlock(&f->cache_lock);
  if (out == NULL) {
    char *v = f->verdict_func(r, f->verdict_data);
    out = v ? v : g_strdup("");
    g_mutex_lock(&f->cache_lock);
    if (g_hash_table_size(f->verdict_cache) >= VERDICT_CACHE_MAX)
      g_hash_table_remove_all(f->verdict_cache);
    g_hash_table_replace(f->verdict_cache, g_steal_pointer(&key), g_strdup(out));
    g_mutex_unlock(&f->cache_lock);
  }
  if (*out == '\0')
    g_clear_pointer(&out, g_free);
  return out;
}

sqlite3 *lf_fleet_db(LfFleet *f)
{
  return f->db;
}

/* --- summary columns ------------------------------------------------------- */

void lf_fleet_bind_value(sqlite3_stmt *st, int idx, JsonNode *v)
{
  if (JSON_NODE_HOLDS_NULL(v)) {
    sqlite3_bind_null(st, idx);
    return;
  }
  GType t = json_node_get_value_type(v);
  if (t == G_TYPE_STRING)
    sqlite3_bind_text(st, idx, json_node_get_string(v), -1, SQLITE_TRANSIENT);
  else if (t == G_TYPE_INT64)
    sqlite3_bind_int64(st, idx, json_node_get_int(v));
  else if (t == G_TYPE_BOOLEAN)
    sqlite3_bind_int(st, idx, json_node_get_boolean(v) ? 1 : 0);
  else
    sqlite3_bind_double(st, idx, json_node_get_double(v));
}

JsonNode *lf_fleet_column_value(sqlite3_stmt *st, int idx, LfColumnType type)
{
  if (sqlite3_column_type(st, idx) == SQLITE_NULL)
    return json_node_new(JSON_NODE_NULL);
  switch (type) {
  case LF_COLUMN_STRING:
    return json_node_init_string(json_node_alloc(), (const char *)sqlite3_column_text(st, idx));
  case LF_COLUMN_INT:
    return json_node_init_int(json_node_alloc(), sqlite3_column_int64(st, idx));
  case LF_COLUMN_BOOL:
    return json_node_init_boolean(json_node_alloc(), sqlite3_column_int(st, idx) != 0);
  case LF_COLUMN_NUMBER:
    return json_node_init_double(json_node_alloc(), sqlite3_column_double(st, idx));
  }
  return json_node_new(JSON_NODE_NULL);
}

/* "col1", "col2", ... of the summary columns other than machine_id/generated. */
static char *summary_column_list(const char *prefix)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GString) s = g_string_new(NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf(s, "%s%s\"%s\"", s->len ? ", " : "", prefix, cols[i].name);
  return g_string_free(g_steal_pointer(&s), FALSE);
}

gboolean lf_fleet_update_summary(LfFleet *f, gint64 id, const LfReport *r, const char *verdicts,
                                 GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GString) sql = g_string_new("UPDATE reports SET verdicts = ?1");
  for (guint i = 0; i < n; i++)
    if (!g_str_equal(cols[i].name, "machine_id") && !g_str_equal(cols[i].name, "generated"))
      g_string_append_printf(sql, ", \"%s\" = ?%u", cols[i].name, i + 2);
  g_string_append_printf(sql, " WHERE id = ?%u", n + 2);
  sqlite3_stmt *st = lf_fleet_prepare(f, sql->str, error);
  if (st == NULL)
    return FALSE;
  g_autoptr(GPtrArray) values = lf_report_summary(r);
  sqlite3_bind_text(st, 1, verdicts, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n; i++)
    if (!g_str_equal(cols[i].name, "machine_id") && !g_str_equal(cols[i].name, "generated"))
      lf_fleet_bind_value(st, (int)i + 2, values->pdata[i]);
  sqlite3_bind_int64(st, (int)n + 2, id);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  return rc == SQLITE_DONE || lf_fleet_sql_error(f, error, "update");
}

/* --- import ---------------------------------------------------------------- */

typedef struct {
  char *path;
  /* filled by prepare() */
  char *error;            /* why it was skipped */
  GBytes *bytes;          /* the file, until parsed */
  char *file_sha256;      /* of the bytes */
  gboolean seen;          /* file_sha256 already in report_files */
  char *json, *sha256, *machine_id, *generated, *verdicts;
  GPtrArray *summary;
} Item;

static void item_free(Item *it)
{
  g_free(it->path);
  g_free(it->error);
  if (it->bytes)
    g_bytes_unref(it->bytes);
  g_free(it->file_sha256);
  g_free(it->json);
  g_free(it->sha256);
  g_free(it->machine_id);
  g_free(it->generated);
  g_free(it->verdicts);
  if (it->summary)
    g_ptr_array_unref(it->summary);
  g_free(it);
}

/* The stored form: compact JSON with the private fields. */
static char *compact_json(const LfReport *r)
{
  return lf_report_to_json(r, LF_JSON_PRIVATE);
}

/* Reads and hashes the file: a re-import stops here. */
static void hash_file(gpointer data, G_GNUC_UNUSED gpointer user_data)
{
  Item *it = data;
  g_autoptr(GError) local = NULL;
  it->bytes = lf_report_read(it->path, &local);
  if (it->bytes == NULL) {
    it->error = g_strdup(local->message);
    return;
  }
  gsize len = 0;
  gconstpointer bytes = g_bytes_get_data(it->bytes, &len);
  it->file_sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, bytes ? bytes : "", len);
}

static void prepare(gpointer data, gpointer user_data)
{
  Item *it = data;
  LfFleet *f = user_data;
  if (it->error || it->seen)
    return;
  g_autoptr(GError) local = NULL;
  g_autoptr(LfReport) r = lf_report_parse(it->path, it->bytes, &local);
  g_clear_pointer(&it->bytes, g_bytes_unref);
  if (r == NULL) {
    it->error = g_strdup(local->message);
    return;
  }
  lf_report_set_machine_id(r, NULL);
  it->json = compact_json(r);
  it->sha256 = g_compute_checksum_for_string(G_CHECKSUM_SHA256, it->json, -1);
  if (r->machine_id == NULL)  /* nothing identifies it: its own machine */
    r->machine_id = g_strconcat("r-", it->sha256, NULL);
  it->machine_id = g_strdup(r->machine_id);
  it->generated = g_strdup(r->generated);
  it->summary = lf_report_summary(r);
  if (f->verdict_func)
    it->verdicts = cached_verdicts(f, r);
}

static void collect(const char *path, GPtrArray *items, LfFleetImportStats *stats, int depth)
{
  if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
    /* below the named directories, symlinked directories are not followed
     * (no loops); depth is bounded anyway */
    if (depth > 0 && (g_file_test(path, G_FILE_TEST_IS_SYMLINK) || depth > 32)) {
      g_ptr_array_add(stats->skipped,
                      g_strdup_printf(_("%s: symbolic link to a directory (not followed)"), path));
      return;
    }
    g_autoptr(GError) local = NULL;
    g_autoptr(GDir) dir = g_dir_open(path, 0, &local);
    if (dir == NULL) {
      g_ptr_array_add(stats->skipped, g_strdup(local->message));
      return;
    }
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(dir)))
      g_ptr_array_add(names, g_build_filename(path, name, NULL));
    g_ptr_array_sort(names, lf_fleet_cmp_strp);
    for (guint i = 0; i < names->len; i++) {
      const char *p = names->pdata[i];
      if (g_file_test(p, G_FILE_TEST_IS_DIR) || g_str_has_suffix(p, ".json"))
        collect(p, items, stats, depth + 1);
    }
    return;
  }
  /* a FIFO or device would block or never end */
  if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
    g_ptr_array_add(stats->skipped,
                    g_strdup_printf(g_file_test(path, G_FILE_TEST_EXISTS)
                                        ? _("%s: not a regular file")
                                        : _("%s: no such file"),
                                    path));
    return;
  }
  Item *it = g_new0(Item, 1);
  it->path = g_strdup(path);
  g_ptr_array_add(items, it);
}

int lf_fleet_cmp_strp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static gboolean insert_batch(LfFleet *f, GPtrArray *items, guint from, guint to,
                             LfFleetImportStats *stats, GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autofree char *names = summary_column_list("");
  g_autoptr(GString) sql = g_string_new(NULL);
  g_string_printf(sql, "INSERT OR IGNORE INTO reports (sha256, imported, source, verdicts, "
                       "%s) VALUES (?, ?, ?, ?", names);
  for (guint i = 0; i < n; i++)
    g_string_append(sql, ", ?");
  g_string_append(sql, ")");
  if (!lf_fleet_exec(f, "BEGIN IMMEDIATE", error))
    return FALSE;
  sqlite3_stmt *ins = lf_fleet_prepare(f, sql->str, error);
  sqlite3_stmt *up = lf_fleet_prepare(f,
      "INSERT INTO machines (machine_id, latest_report, latest_generated, reports) "
      "VALUES (?1, ?2, ?3, 1) ON CONFLICT (machine_id) DO UPDATE SET reports = reports + 1, "
      "latest_report = CASE WHEN IFNULL(excluded.latest_generated, '') >= "
      "IFNULL(latest_generated, '') THEN excluded.latest_report ELSE latest_report END, "
      "latest_generated = MAX(IFNULL(excluded.latest_generated, ''), "
      "IFNULL(latest_generated, ''))", error);
  sqlite3_stmt *js = lf_fleet_prepare(f, "INSERT INTO report_json (id, json) VALUES (?, ?)", error);
  sqlite3_stmt *rf = lf_fleet_prepare(f,
      "INSERT OR IGNORE INTO report_files (sha256, report_id) "
      "SELECT ?1, id FROM reports WHERE sha256 = ?2", error);
  gboolean ok = ins && up && js && rf;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc();
  g_autofree char *imported = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
  for (guint k = from; ok && k < to; k++) {
    Item *it = items->pdata[k];
    if (it->error) {
      g_ptr_array_add(stats->skipped, g_strdup(it->error));
      continue;
    }
    if (it->seen) {
      stats->duplicates++;
      continue;
    }
    sqlite3_reset(ins);
    sqlite3_clear_bindings(ins);
    sqlite3_bind_text(ins, 1, it->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, imported, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, it->path, -1, SQLITE_STATIC);
    g_autofree char *verdicts = NULL;
    if (!lf_fleet_encode_verdicts(f, it->verdicts, &verdicts, error)) {
      ok = FALSE;
      break;
    }
    sqlite3_bind_text(ins, 4, verdicts, -1, SQLITE_TRANSIENT);
    for (guint i = 0; i < n; i++) {
      if (g_str_equal(cols[i].name, "machine_id"))
        sqlite3_bind_text(ins, 5 + (int)i, it->machine_id, -1, SQLITE_STATIC);
      else
        lf_fleet_bind_value(ins, 5 + (int)i, it->summary->pdata[i]);
    }
    if (sqlite3_step(ins) != SQLITE_DONE) {
      ok = lf_fleet_sql_error(f, error, "insert");
      break;
    }
    gboolean fresh = sqlite3_changes(f->db) > 0;
    gint64 id = sqlite3_last_insert_rowid(f->db);
    sqlite3_reset(rf);
    sqlite3_bind_text(rf, 1, it->file_sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(rf, 2, it->sha256, -1, SQLITE_STATIC);
    if (sqlite3_step(rf) != SQLITE_DONE) {
      ok = lf_fleet_sql_error(f, error, "insert");
      break;
    }
    if (!fresh) {
      stats->duplicates++;
      continue;
    }
    stats->imported++;
    sqlite3_reset(js);
    sqlite3_bind_int64(js, 1, id);
    sqlite3_bind_text(js, 2, it->json, -1, SQLITE_STATIC);
    if (sqlite3_step(js) != SQLITE_DONE) {
      ok = lf_fleet_sql_error(f, error, "insert");
      break;
    }
    sqlite3_reset(up);
    sqlite3_bind_text(up, 1, it->machine_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(up, 2, id);
    sqlite3_bind_text(up, 3, it->generated, -1, SQLITE_STATIC);
    if (sqlite3_step(up) != SQLITE_DONE)
      ok = lf_fleet_sql_error(f, error, "update machines");
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(up);
  sqlite3_finalize(js);
  sqlite3_finalize(rf);
  if (ok)
    return lf_fleet_exec(f, "COMMIT", error);
  sqlite3_exec(f->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all(f->edition_index);  /* ids assigned in it are gone */
  return FALSE;
}

/* Parsing and hashing are the cost: spread them over the cores, keep SQLite
 * on this thread. */
static void run_pool(GFunc func, LfFleet *f, GPtrArray *items, guint from, guint to)
{
  guint threads = MAX(1, g_get_num_processors());
  GThreadPool *pool = g_thread_pool_new(func, f, (int)threads, FALSE, NULL);
  for (guint k = from; k < to; k++)
    g_thread_pool_push(pool, items->pdata[k], NULL);
  g_thread_pool_free(pool, FALSE, TRUE);
}

static gboolean mark_seen(LfFleet *f, GPtrArray *items, guint from, guint to, GError **error)
{
  sqlite3_stmt *st = lf_fleet_prepare(f, "SELECT 1 FROM report_files WHERE sha256 = ?1", error);
  if (st == NULL)
    return FALSE;
  int rc = SQLITE_DONE;
  for (guint k = from; k < to && (rc == SQLITE_DONE || rc == SQLITE_ROW); k++) {
    Item *it = items->pdata[k];
    if (it->file_sha256 == NULL)
      continue;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, it->file_sha256, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    it->seen = rc == SQLITE_ROW;
    if (it->seen)
      g_clear_pointer(&it->bytes, g_bytes_unref);
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || lf_fleet_sql_error(f, error, "query");
}

void lf_fleet_import_stats_clear(LfFleetImportStats *stats)
{
  g_clear_pointer(&stats->skipped, g_ptr_array_unref);
  stats->imported = stats->duplicates = 0;
}

gboolean lf_fleet_import(LfFleet *f, const char *const *paths, LfFleetImportStats *stats,
                         GError **error)
{
  if (stats->skipped == NULL)
    stats->skipped = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
  for (guint i = 0; paths[i]; i++)
    collect(paths[i], items, stats, 0);
  for (guint from = 0; from < items->len; from += LF_FLEET_BATCH) {
    guint to = MIN(items->len, from + LF_FLEET_BATCH);
    /* Files seen before are known by the hash of their bytes: no parsing. */
    run_pool(hash_file, f, items, from, to);
    if (!mark_seen(f, items, from, to, error))
      return FALSE;
    run_pool(prepare, f, items, from, to);
    /* On failure (a full disk) the counts say what earlier batches committed. */
    guint imported = stats->imported, duplicates = stats->duplicates;
    if (!insert_batch(f, items, from, to, stats, error)) {
      stats->imported = imported;
      stats->duplicates = duplicates;
      return FALSE;
    }
    for (guint k = from; k < to; k++) {  /* keep memory flat on huge imports */
      item_free(items->pdata[k]);
      items->pdata[k] = g_new0(Item, 1);
    }
  }
  return TRUE;
}

/* --- list ------------------------------------------------------------------ */

gboolean lf_fleet_foreach_machine(LfFleet *f, LfFleetMachineFunc func, gpointer user_data,
                                  GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autofree char *names = summary_column_list("r.");
  g_autofree char *sql = g_strdup_printf(
      "SELECT %s, m.reports FROM machines m JOIN reports r ON r.id = m.latest_report "
      "ORDER BY m.machine_id", names);
  sqlite3_stmt *st = lf_fleet_prepare(f, sql, error);
  if (st == NULL)
    return FALSE;
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    g_ptr_array_set_size(row, 0);
    for (guint i = 0; i < n; i++)
      g_ptr_array_add(row, lf_fleet_column_value(st, (int)i, cols[i].type));
    func(row, sqlite3_column_int64(st, (int)n), user_data);
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE || lf_fleet_sql_error(f, error, "list");
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
