/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The fleet's storage: one interface, two implementations. SQLite (a file
 * path: the default, embedded) and PostgreSQL (a postgresql:// or
 * postgres:// URI, through libpq, for benches that share one server).
 *
 * The fleet code writes one SQL for both: parameters are $1, $2, ...;
 * lf_store_sql() fills the few type names that differ ({ID}, {TEXT}, {INT},
 * {REAL}, {WITHOUT_ROWID}). Values cross the interface typed (LfSqlValue in,
 * lf_store_int/double/text/value out), never as text the caller formats. */
#pragma once
#include <glib.h>
#include <json-glib/json-glib.h>

#include "export/export.h"

typedef struct LfStore LfStore;
typedef struct LfStoreRows LfStoreRows;

typedef enum { LF_STORE_SQLITE, LF_STORE_POSTGRES } LfStoreKind;

/* One parameter or bulk-load value. Strings are borrowed. */
typedef struct {
  LfColumnType type;
  gboolean null;
  const char *s;
  gint64 i;
  double d;
} LfSqlValue;

#define LF_SQL_NULL ((LfSqlValue){ LF_COLUMN_STRING, TRUE, NULL, 0, 0 })
#define LF_SQL_TEXT(v) ((LfSqlValue){ LF_COLUMN_STRING, (v) == NULL, (v), 0, 0 })
#define LF_SQL_INT(v) ((LfSqlValue){ LF_COLUMN_INT, FALSE, NULL, (v), 0 })

/* A summary value (json-glib scalar or null) as a parameter; borrows it. */
LfSqlValue lf_sql_value_from_json(JsonNode *node);

/* TRUE for a postgresql:// or postgres:// URI. */
gboolean lf_store_is_uri(const char *spec);

/* Opens a store. A file is created when missing only with @create; a
 * PostgreSQL database must exist (lapfit creates its tables, not databases).
 * LF_ERROR_DB with a one-line reason; a password is never in the message.
 * transfer full. */
LfStore *lf_store_open(const char *spec, gboolean create, GError **error);
void lf_store_close(LfStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfStore, lf_store_close)

LfStoreKind lf_store_kind(LfStore *store);
/* The path, or the URI without its password, for messages. */
const char *lf_store_name(LfStore *store);

/* @tmpl with the dialect's type names filled in. transfer full. */
char *lf_store_sql(LfStore *store, const char *tmpl);

/* Runs statements without parameters or results (templates allowed). */
gboolean lf_store_exec(LfStore *store, const char *sql, GError **error);

/* Runs one statement; rows are read with lf_store_next() and the error, if
 * any, comes from lf_store_finish(), which always frees @rows. One query at
 * a time per store: finish it before the next. transfer full. */
LfStoreRows *lf_store_query(LfStore *store, const char *sql, const LfSqlValue *params, guint n,
                            GError **error);
gboolean lf_store_next(LfStoreRows *rows);
gboolean lf_store_finish(LfStoreRows *rows, GError **error);
/* Rows changed by the statement (after lf_store_next() returned FALSE). */
gint64 lf_store_changes(LfStoreRows *rows);

gboolean lf_store_is_null(LfStoreRows *rows, guint col);
gint64 lf_store_int(LfStoreRows *rows, guint col);
double lf_store_double(LfStoreRows *rows, guint col);
const char *lf_store_text(LfStoreRows *rows, guint col);  /* NULL for NULL */
/* The value as json-glib (null for NULL). transfer full. */
JsonNode *lf_store_value(LfStoreRows *rows, guint col, LfColumnType type);

/* Runs a statement for its effect; *changes (if not NULL) gets the count. */
gboolean lf_store_run(LfStore *store, const char *sql, const LfSqlValue *params, guint n,
                      gint64 *changes, GError **error);
/* The first column of the first row of a query, as an integer. */
gboolean lf_store_query_int(LfStore *store, const char *sql, gint64 *out, GError **error);

/* Appends @nrows rows of @ncols values (row-major) to @table: COPY on
 * PostgreSQL, one prepared INSERT on SQLite. */
gboolean lf_store_load(LfStore *store, const char *table, const char *const *columns,
                       const LfSqlValue *values, guint nrows, GError **error);

/* A write transaction that other lapfit writers queue behind (SQLite:
 * BEGIN IMMEDIATE; PostgreSQL: BEGIN and a transaction advisory lock). */
gboolean lf_store_begin(LfStore *store, GError **error);
gboolean lf_store_commit(LfStore *store, GError **error);
void lf_store_rollback(LfStore *store);

/* The schema version and whether the store holds something that is not a
 * lapfit fleet (other tables, another application id). Inside a transaction. */
gboolean lf_store_get_version(LfStore *store, gint64 *version, gboolean *foreign, GError **error);
gboolean lf_store_set_version(LfStore *store, gint64 version, GError **error);

/* After the schema is in place: SQLite switches the file to WAL (readers
 * never block the writer; only now, so a foreign file is never written). */
gboolean lf_store_ready(LfStore *store, GError **error);

/* Before a bulk import on this connection: settings that help loading many
 * rows and would slow queries (SQLite; PostgreSQL has none). */
gboolean lf_store_bulk(LfStore *store, GError **error);

/* TRUE when the last failure was another writer holding the database:
 * worth retrying (SQLite only: PostgreSQL waits on its locks). */
gboolean lf_store_busy(LfStore *store);
