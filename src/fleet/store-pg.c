/* SPDX-License-Identifier: GPL-2.0-or-later */
/* store.h on PostgreSQL through libpq: the shared fleet store of several
 * benches. The URI goes to libpq whole, so its conventions hold (sslmode,
 * PGPASSFILE, PGSERVICE, PGHOST...). Rows stream one at a time. */
#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

#include "core/error.h"
#include "core/module.h"
#include "fleet/store-private.h"

#define APPLICATION_ID 0x4c466c74 /* 'LFlt', as in SQLite's application_id */
#define INT8OID 20
#define FLOAT8OID 701

/* libpq is opened only when a postgresql:// store is used: linked directly, it
 * and its TLS/Kerberos/LDAP closure (21 libraries) loaded on every lapfit run,
 * nearly tripling the start-up time of `probe`. The header is only for types. */
static struct {
  PGconn *(*connectdb_params)(const char *const *keys, const char *const *values, int expand);
  ConnStatusType (*status)(const PGconn *conn);
  char *(*error_message)(const PGconn *conn);
  void (*finish)(PGconn *conn);
  PQnoticeProcessor (*set_notice_processor)(PGconn *conn, PQnoticeProcessor proc, void *arg);
  PGresult *(*exec)(PGconn *conn, const char *query);
  ExecStatusType (*result_status)(const PGresult *res);
  char *(*result_error_message)(const PGresult *res);
  void (*clear)(PGresult *res);
  int (*send_query_params)(PGconn *conn, const char *command, int n, const Oid *types,
                           const char *const *values, const int *lengths, const int *formats,
                           int result_format);
  int (*set_single_row_mode)(PGconn *conn);
  PGresult *(*get_result)(PGconn *conn);
  char *(*cmd_tuples)(PGresult *res);
  int (*getisnull)(const PGresult *res, int row, int col);
  char *(*getvalue)(const PGresult *res, int row, int col);
  int (*put_copy_data)(PGconn *conn, const char *buffer, int nbytes);
  int (*put_copy_end)(PGconn *conn, const char *errormsg);
} pq;

static gboolean pq_load(GError **error)
{
  static char *failure;
  static gsize done = 0;
  if (g_once_init_enter(&done)) {
    const LfSymbol syms[] = {
      { "PQconnectdbParams", (gpointer *)&pq.connectdb_params },
      { "PQstatus", (gpointer *)&pq.status },
      { "PQerrorMessage", (gpointer *)&pq.error_message },
      { "PQfinish", (gpointer *)&pq.finish },
      { "PQsetNoticeProcessor", (gpointer *)&pq.set_notice_processor },
      { "PQexec", (gpointer *)&pq.exec },
      { "PQresultStatus", (gpointer *)&pq.result_status },
      { "PQresultErrorMessage", (gpointer *)&pq.result_error_message },
      { "PQclear", (gpointer *)&pq.clear },
      { "PQsendQueryParams", (gpointer *)&pq.send_query_params },
      { "PQsetSingleRowMode", (gpointer *)&pq.set_single_row_mode },
      { "PQgetResult", (gpointer *)&pq.get_result },
      { "PQcmdTuples", (gpointer *)&pq.cmd_tuples },
      { "PQgetisnull", (gpointer *)&pq.getisnull },
      { "PQgetvalue", (gpointer *)&pq.getvalue },
      { "PQputCopyData", (gpointer *)&pq.put_copy_data },
      { "PQputCopyEnd", (gpointer *)&pq.put_copy_end },
    };
    failure = lf_module_bind("libpq.so.5", syms, G_N_ELEMENTS(syms));
    g_once_init_leave(&done, 1);
  }
  if (failure) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("PostgreSQL support needs libpq (libpq5): %s"), failure);
    return FALSE;
  }
  return TRUE;
}

typedef struct {
  LfStore base;
  PGconn *conn;
  char *password;  /* kept out of every message */
} PgStore;

typedef struct {
  LfStoreRows base;
  PGresult *res;  /* the current row (single-row mode), or the end */
  char *error;
  gint64 changes;
  gboolean done;
} PgRows;

static PGconn *conn_of(LfStore *s)
{
  return ((PgStore *)s)->conn;
}

/* libpq's message: its first line, without the password. transfer full. */
static char *message_line(LfStore *s, const char *msg)
{
  g_autofree char *line = g_strndup(msg ? msg : "", strcspn(msg ? msg : "", "\n"));
  const char *pw = ((PgStore *)s)->password;
  if (pw && *pw) {
    g_auto(GStrv) parts = g_strsplit(line, pw, -1);
    return g_strjoinv("***", parts);
  }
  return g_steal_pointer(&line);
}

static gboolean fail(LfStore *s, GError **error, const char *msg)
{
  g_autofree char *line = message_line(s, msg ? msg : pq.error_message(conn_of(s)));
  g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': %s"), s->name, line);
  return FALSE;
}

static void pg_close(LfStore *s)
{
  PgStore *p = (PgStore *)s;
  if (p->conn)
    pq.finish(p->conn);
  g_free(p->password);
  g_free(p);
}

static gboolean pg_exec(LfStore *s, const char *sql, GError **error)
{
  PGresult *res = pq.exec(conn_of(s), sql);
  ExecStatusType st = pq.result_status(res);
  gboolean ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
  if (!ok)
    fail(s, error, res ? pq.result_error_message(res) : NULL);
  pq.clear(res);
  return ok;
}

static LfStoreRows *pg_query(LfStore *s, const char *sql, const LfSqlValue *params, guint n,
                             GError **error)
{
  g_autofree char *text = lf_store_sql(s, sql);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func(g_free);
  g_autofree const char **values = g_new0(const char *, n + 1);
  g_autofree Oid *types = g_new0(Oid, n + 1);
  for (guint i = 0; i < n; i++) {
    const LfSqlValue *v = &params[i];
    if (v->null)
      continue;
    if (v->type == LF_COLUMN_STRING) {
      values[i] = v->s;
    } else if (v->type == LF_COLUMN_NUMBER) {
      char *buf = g_malloc(G_ASCII_DTOSTR_BUF_SIZE);
      values[i] = g_ascii_dtostr(buf, G_ASCII_DTOSTR_BUF_SIZE, v->d);
      types[i] = FLOAT8OID;
      g_ptr_array_add(owned, buf);
    } else {
      values[i] = g_strdup_printf("%" G_GINT64_FORMAT, v->i);
      types[i] = INT8OID;
      g_ptr_array_add(owned, (char *)values[i]);
    }
  }
  if (!pq.send_query_params(conn_of(s), text, (int)n, types, values, NULL, NULL, 0) ||
      !pq.set_single_row_mode(conn_of(s))) {
    fail(s, error, NULL);
    return NULL;
  }
  PgRows *rows = g_new0(PgRows, 1);
  rows->base.store = s;
  return &rows->base;
}

static gboolean pg_next(LfStoreRows *r)
{
  PgRows *rows = (PgRows *)r;
  g_clear_pointer(&rows->res, pq.clear);
  while (!rows->done) {
    PGresult *res = pq.get_result(conn_of(r->store));
    if (res == NULL) {
      rows->done = TRUE;
      break;
    }
    ExecStatusType st = pq.result_status(res);
    if (st == PGRES_SINGLE_TUPLE) {
      rows->res = res;
      return TRUE;
    }
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
      const char *n = pq.cmd_tuples(res);
      rows->changes = n && *n ? g_ascii_strtoll(n, NULL, 10) : 0;
    } else if (rows->error == NULL) {
      rows->error = message_line(r->store, pq.result_error_message(res));
    }
    pq.clear(res);
  }
  return FALSE;
}

static gboolean pg_finish(LfStoreRows *r, GError **error)
{
  PgRows *rows = (PgRows *)r;
  while (pg_next(r))  /* the rest of the rows: the connection is busy until then */
    ;
  gboolean ok = rows->error == NULL;
  if (!ok)
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': %s"), r->store->name,
                rows->error);
  g_free(rows->error);
  g_free(rows);
  return ok;
}

static gint64 pg_changes(LfStoreRows *r)
{
  return ((PgRows *)r)->changes;
}

static gboolean pg_is_null(LfStoreRows *r, guint col)
{
  return pq.getisnull(((PgRows *)r)->res, 0, (int)col);
}

static const char *pg_text(LfStoreRows *r, guint col)
{
  return pq.getvalue(((PgRows *)r)->res, 0, (int)col);
}

static gint64 pg_int(LfStoreRows *r, guint col)
{
  const char *v = pg_text(r, col);
  if (g_str_equal(v, "t") || g_str_equal(v, "f"))  /* a boolean expression */
    return v[0] == 't';
  return g_ascii_strtoll(v, NULL, 10);
}

static double pg_double(LfStoreRows *r, guint col)
{
  return g_ascii_strtod(pg_text(r, col), NULL);
}

/* COPY's text format: \N for NULL, backslash escapes for the separators. */
static void copy_value(GString *buf, const LfSqlValue *v)
{
  if (v->null) {
    g_string_append(buf, "\\N");
  } else if (v->type == LF_COLUMN_NUMBER) {
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(buf, g_ascii_dtostr(num, sizeof num, v->d));
  } else if (v->type != LF_COLUMN_STRING) {
    g_string_append_printf(buf, "%" G_GINT64_FORMAT, v->i);
  } else {
    for (const char *p = v->s; *p; p++) {
      switch (*p) {
      case '\\': g_string_append(buf, "\\\\"); break;
      case '\t': g_string_append(buf, "\\t"); break;
      case '\n': g_string_append(buf, "\\n"); break;
      case '\r': g_string_append(buf, "\\r"); break;
      default: g_string_append_c(buf, *p);
      }
    }
  }
}

static gboolean pg_load(LfStore *s, const char *table, const char *const *columns,
                        const LfSqlValue *values, guint nrows, GError **error)
{
  guint ncols = g_strv_length((char **)columns);
  g_autoptr(GString) sql = g_string_new(NULL);
  g_string_printf(sql, "COPY %s (", table);
  for (guint c = 0; c < ncols; c++)
    g_string_append_printf(sql, "%s\"%s\"", c ? ", " : "", columns[c]);
  g_string_append(sql, ") FROM STDIN");
  PGresult *res = pq.exec(conn_of(s), sql->str);
  gboolean ok = pq.result_status(res) == PGRES_COPY_IN;
  if (!ok)
    fail(s, error, res ? pq.result_error_message(res) : NULL);
  pq.clear(res);
  if (!ok)
    return FALSE;
  g_autoptr(GString) buf = g_string_sized_new(1 << 20);
  for (guint r = 0; ok && r < nrows; r++) {
    for (guint c = 0; c < ncols; c++) {
      if (c)
        g_string_append_c(buf, '\t');
      copy_value(buf, &values[r * ncols + c]);
    }
    g_string_append_c(buf, '\n');
    if (buf->len >= (1 << 20) || r + 1 == nrows) {
      ok = pq.put_copy_data(conn_of(s), buf->str, (int)buf->len) == 1;
      g_string_truncate(buf, 0);
    }
  }
  if (pq.put_copy_end(conn_of(s), ok ? NULL : "lapfit: load failed") != 1)
    ok = FALSE;
  gboolean first = TRUE;
  while ((res = pq.get_result(conn_of(s)))) {
    if (pq.result_status(res) != PGRES_COMMAND_OK && first) {
      first = FALSE;
      ok = fail(s, error, pq.result_error_message(res));
    }
    pq.clear(res);
  }
  if (!ok && first)
    fail(s, error, NULL);
  return ok;
}

static gboolean pg_begin(LfStore *s, GError **error)
{
  g_autofree char *sql = g_strdup_printf("BEGIN; SELECT pg_advisory_xact_lock(%d)", APPLICATION_ID);
  return pg_exec(s, sql, error);
}

static gboolean pg_get_version(LfStore *s, gint64 *version, gboolean *foreign, GError **error)
{
  gint64 has_meta = 0, tables = 0, app = APPLICATION_ID;
  *version = 0;
  /* information_schema rather than to_regclass(): a transaction that began
   * before another lapfit created the schema may have a stale catalog cache,
   * while queries see what is committed */
  if (!lf_store_query_int(s, "SELECT COUNT(*) FROM information_schema.tables "
                             "WHERE table_schema = current_schema() AND table_name = 'lapfit_fleet'",
                          &has_meta, error) ||
      !lf_store_query_int(s, "SELECT COUNT(*) FROM information_schema.tables "
                             "WHERE table_schema = current_schema()", &tables, error))
    return FALSE;
  if (has_meta && (!lf_store_query_int(s, "SELECT MAX(schema_version) FROM lapfit_fleet", version,
                                       error) ||
                   !lf_store_query_int(s, "SELECT MAX(application_id) FROM lapfit_fleet", &app,
                                       error)))
    return FALSE;
  *foreign = (!has_meta && tables > 0) || app != APPLICATION_ID;
  return TRUE;
}

static gboolean pg_set_version(LfStore *s, gint64 version, GError **error)
{
  g_autofree char *sql = g_strdup_printf(
      "CREATE TABLE IF NOT EXISTS lapfit_fleet (application_id BIGINT NOT NULL, "
      "schema_version BIGINT NOT NULL); DELETE FROM lapfit_fleet; "
      "INSERT INTO lapfit_fleet VALUES (%d, %" G_GINT64_FORMAT ")", APPLICATION_ID, version);
  return pg_exec(s, sql, error);
}

static gboolean pg_busy(G_GNUC_UNUSED LfStore *s)
{
  return FALSE;
}

static void quiet_notice(G_GNUC_UNUSED void *arg, const char *message)
{
  g_debug("fleet: postgresql: %s", message);
}

static const LfStoreClass pg_class = {
  LF_STORE_POSTGRES,
  "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "TEXT COLLATE \"C\"", "BIGINT",
  "DOUBLE PRECISION", "",
  pg_close, pg_exec, pg_query, pg_next, pg_finish, pg_changes, pg_is_null, pg_text, pg_int,
  pg_double, pg_load, pg_begin, pg_get_version, pg_set_version, pg_busy, NULL, NULL,
};

/* The URI for messages: user:password@ loses the password, and so does a
 * password= parameter. transfer full. */
static char *redact(const char *uri, char **password)
{
  g_autoptr(GString) out = g_string_new(uri);
  const char *scheme_end = strstr(uri, "://");
  gsize start = scheme_end ? (gsize)(scheme_end - uri) + 3 : 0;
  gsize auth_end = start + strcspn(uri + start, "/?");
  const char *at = g_strrstr_len(uri + start, (gssize)(auth_end - start), "@");
  const char *colon = at ? memchr(uri + start, ':', (gsize)(at - (uri + start))) : NULL;
  if (colon) {
    *password = g_uri_unescape_segment(colon + 1, at, NULL);
    g_string_erase(out, (gssize)(colon - uri), at - colon);
  }
  const char *pw = strstr(out->str, "password=");
  if (pw && (pw[-1] == '?' || pw[-1] == '&')) {
    gsize from = (gsize)(pw - out->str) + 9, len = strcspn(pw + 9, "&");
    if (*password == NULL)
      *password = g_uri_unescape_segment(pw + 9, pw + 9 + len, NULL);
    g_string_erase(out, (gssize)from, (gssize)len);
    g_string_insert(out, (gssize)from, "***");
  }
  return g_string_free(g_steal_pointer(&out), FALSE);
}

LfStore *lf_store_pg_open(const char *uri, GError **error)
{
  if (!pq_load(error))
    return NULL;
  PgStore *p = g_new0(PgStore, 1);
  p->base.klass = &pg_class;
  p->base.name = redact(uri, &p->password);
  const char *keys[] = { "dbname", "fallback_application_name", NULL };
  const char *vals[] = { uri, "lapfit", NULL };
  p->conn = pq.connectdb_params(keys, vals, 1);
  if (p->conn == NULL || pq.status(p->conn) != CONNECTION_OK) {
    g_autofree char *line = message_line(&p->base, p->conn ? pq.error_message(p->conn)
                                                           : "out of memory");
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("cannot open fleet database '%s': %s"),
                p->base.name, g_strstrip(line));
    lf_store_close(&p->base);
    return NULL;
  }
  pq.set_notice_processor(p->conn, quiet_notice, NULL);
  return &p->base;
}
