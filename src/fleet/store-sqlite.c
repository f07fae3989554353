/* SPDX-License-Identifier: GPL-2.0-or-later */
/* store.h on SQLite: the embedded fleet database, one file. */
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "core/error.h"
#include "fleet/store-private.h"

#define APPLICATION_ID 0x4c466c74 /* 'LFlt' */
#define BUSY_TIMEOUT_MS 60000

typedef struct {
  LfStore base;
  sqlite3 *db;
} SqliteStore;

typedef struct {
  LfStoreRows base;
  sqlite3_stmt *st;
  int rc;
  gint64 changes;
} SqliteRows;

static sqlite3 *db_of(LfStore *s)
{
  return ((SqliteStore *)s)->db;
}

static gboolean fail(LfStore *s, GError **error, const char *what)
{
  g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': %s: %s"), s->name, what,
              sqlite3_errmsg(db_of(s)));
  return FALSE;
}

static void sq_close(LfStore *s)
{
  sqlite3_close_v2(db_of(s));
  g_free(s);
}

static gboolean sq_exec(LfStore *s, const char *sql, GError **error)
{
  char *msg = NULL;
  if (sqlite3_exec(db_of(s), sql, NULL, NULL, &msg) == SQLITE_OK)
    return TRUE;
  g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': %s"), s->name,
              msg ? msg : sqlite3_errmsg(db_of(s)));
  sqlite3_free(msg);
  return FALSE;
}

static void bind(sqlite3_stmt *st, int idx, const LfSqlValue *v)
{
  if (v->null)
    sqlite3_bind_null(st, idx);
  else if (v->type == LF_COLUMN_STRING)
    sqlite3_bind_text(st, idx, v->s, -1, SQLITE_STATIC);
  else if (v->type == LF_COLUMN_NUMBER)
    sqlite3_bind_double(st, idx, v->d);
  else
    sqlite3_bind_int64(st, idx, v->i);
}

static LfStoreRows *sq_query(LfStore *s, const char *sql, const LfSqlValue *params, guint n,
                             GError **error)
{
  g_autofree char *text = lf_store_sql(s, sql);
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db_of(s), text, -1, &st, NULL) != SQLITE_OK) {
    fail(s, error, "prepare");
    return NULL;
  }
  /* $N names: bound by name, so their order in the text does not matter */
  for (guint i = 0; i < n; i++) {
    char name[16];
    g_snprintf(name, sizeof name, "$%u", i + 1);
    int idx = sqlite3_bind_parameter_index(st, name);
    if (idx > 0)
      bind(st, idx, &params[i]);
  }
  SqliteRows *rows = g_new0(SqliteRows, 1);
  rows->base.store = s;
  rows->st = st;
  rows->rc = SQLITE_ROW;
  return &rows->base;
}

static gboolean sq_next(LfStoreRows *r)
{
  SqliteRows *rows = (SqliteRows *)r;
  if (rows->rc != SQLITE_ROW)
    return FALSE;
  rows->rc = sqlite3_step(rows->st);
  if (rows->rc == SQLITE_DONE)
    rows->changes = sqlite3_changes(db_of(r->store));
  return rows->rc == SQLITE_ROW;
}

static gboolean sq_finish(LfStoreRows *r, GError **error)
{
  SqliteRows *rows = (SqliteRows *)r;
  gboolean ok = rows->rc == SQLITE_DONE || rows->rc == SQLITE_ROW || fail(r->store, error, "query");
  sqlite3_finalize(rows->st);
  g_free(rows);
  return ok;
}

static gint64 sq_changes(LfStoreRows *r)
{
  return ((SqliteRows *)r)->changes;
}

static gboolean sq_is_null(LfStoreRows *r, guint col)
{
  return sqlite3_column_type(((SqliteRows *)r)->st, (int)col) == SQLITE_NULL;
}

static const char *sq_text(LfStoreRows *r, guint col)
{
  return (const char *)sqlite3_column_text(((SqliteRows *)r)->st, (int)col);
}

static gint64 sq_int(LfStoreRows *r, guint col)
{
  return sqlite3_column_int64(((SqliteRows *)r)->st, (int)col);
}

static double sq_double(LfStoreRows *r, guint col)
{
  return sqlite3_column_double(((SqliteRows *)r)->st, (int)col);
}

static gboolean sq_load(LfStore *s, const char *table, const char *const *columns,
                        const LfSqlValue *values, guint nrows, GError **error)
{
  guint ncols = g_strv_length((char **)columns);
  g_autoptr(GString) sql = g_string_new(NULL);
  g_string_printf(sql, "INSERT INTO %s (", table);
  for (guint c = 0; c < ncols; c++)
    g_string_append_printf(sql, "%s\"%s\"", c ? ", " : "", columns[c]);
  g_string_append(sql, ") VALUES (");
  for (guint c = 0; c < ncols; c++)
    g_string_append(sql, c ? ", ?" : "?");
  g_string_append(sql, ")");
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db_of(s), sql->str, -1, &st, NULL) != SQLITE_OK)
    return fail(s, error, "prepare");
  gboolean ok = TRUE;
  for (guint r = 0; ok && r < nrows; r++) {
    sqlite3_reset(st);
    for (guint c = 0; c < ncols; c++)
      bind(st, (int)c + 1, &values[r * ncols + c]);
    if (sqlite3_step(st) != SQLITE_DONE)
      ok = fail(s, error, "insert");
  }
  sqlite3_finalize(st);
  return ok;
}

static gboolean sq_begin(LfStore *s, GError **error)
{
  return sq_exec(s, "BEGIN IMMEDIATE", error);
}

static gboolean sq_get_int(LfStore *s, const char *sql, gint64 *out, GError **error)
{
  return lf_store_query_int(s, sql, out, error);
}

static gboolean sq_get_version(LfStore *s, gint64 *version, gboolean *foreign, GError **error)
{
  gint64 app = 0, tables = 0;
  if (!sq_get_int(s, "PRAGMA user_version", version, error) ||
      !sq_get_int(s, "PRAGMA application_id", &app, error) ||
      !sq_get_int(s, "SELECT COUNT(*) FROM sqlite_master", &tables, error))
    return FALSE;
  *foreign = (*version == 0 && tables > 0) || (app != 0 && app != APPLICATION_ID);
  return TRUE;
}

static gboolean sq_set_version(LfStore *s, gint64 version, GError **error)
{
  g_autofree char *sql = g_strdup_printf("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                         APPLICATION_ID, (int)version);
  return sq_exec(s, sql, error);
}

static gboolean sq_busy(LfStore *s)
{
  int code = sqlite3_errcode(db_of(s)) & 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

static gboolean sq_ready(LfStore *s, GError **error)
{
  return sq_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error);
}

/* An import's staging tables in memory rather than a temporary file, and
 * the hash indexes' pages cached across batches: a third less system time
 * for 100,000 reports. Only for imports: `fleet report` took twice the CPU
 * with them. Neither writes the file. */
static gboolean sq_bulk(LfStore *s, GError **error)
{
  return sq_exec(s, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536", error);
}

static const LfStoreClass sqlite_class = {
  LF_STORE_SQLITE,
  "INTEGER PRIMARY KEY", "TEXT", "INTEGER", "REAL", " WITHOUT ROWID",
  sq_close, sq_exec, sq_query, sq_next, sq_finish, sq_changes, sq_is_null, sq_text, sq_int,
  sq_double, sq_load, sq_begin, sq_get_version, sq_set_version, sq_busy, sq_ready, sq_bulk,
};

LfStore *lf_store_sqlite_open(const char *path, gboolean create, GError **error)
{
  /* SQLite would block opening a FIFO and happily open a device. */
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB,
                _("cannot open fleet database '%s': not a regular file"), path);
    return NULL;
  }
  SqliteStore *s = g_new0(SqliteStore, 1);
  s->base.klass = &sqlite_class;
  s->base.name = g_strdup(path);
  /* one thread uses a store: no SQLite mutexes */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("cannot open fleet database '%s': %s"), path,
                s->db ? sqlite3_errmsg(s->db) : "out of memory");
    lf_store_close(&s->base);
    return NULL;
  }
  sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes(s->db, 1);
  return &s->base;
}
