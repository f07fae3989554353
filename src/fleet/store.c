/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What both stores share: dispatch, SQL templates, small helpers. */
#include "fleet/store.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "fleet/store-private.h"

gboolean lf_store_is_uri(const char *spec)
{
  return g_str_has_prefix(spec, "postgresql://") || g_str_has_prefix(spec, "postgres://");
}

LfStore *lf_store_open(const char *spec, gboolean create, GError **error)
{
  return lf_store_is_uri(spec) ? lf_store_pg_open(spec, error)
                               : lf_store_sqlite_open(spec, create, error);
}

void lf_store_close(LfStore *s)
{
  if (s == NULL)
    return;
  g_free(s->name);
  s->klass->close(s);
}

LfStoreKind lf_store_kind(LfStore *s)
{
  return s->klass->kind;
}

const char *lf_store_name(LfStore *s)
{
  return s->name;
}

char *lf_store_sql(LfStore *s, const char *tmpl)
{
  static const char *const keys[] = { "{ID}", "{TEXT}", "{INT}", "{REAL}", "{WITHOUT_ROWID}" };
  const char *vals[] = { s->klass->id_type, s->klass->text_type, s->klass->int_type,
                         s->klass->real_type, s->klass->without_rowid };
  GString *out = g_string_new(NULL);
  for (const char *p = tmpl; *p;) {
    guint k = 0;
    while (k < G_N_ELEMENTS(keys) && !g_str_has_prefix(p, keys[k]))
      k++;
    if (k < G_N_ELEMENTS(keys)) {
      g_string_append(out, vals[k]);
      p += strlen(keys[k]);
    } else {
      g_string_append_c(out, *p++);
    }
  }
  return g_string_free(out, FALSE);
}

gboolean lf_store_exec(LfStore *s, const char *sql, GError **error)
{
  g_autofree char *text = lf_store_sql(s, sql);
  return s->klass->exec(s, text, error);
}

LfStoreRows *lf_store_query(LfStore *s, const char *sql, const LfSqlValue *params, guint n,
                            GError **error)
{
  return s->klass->query(s, sql, params, n, error);
}

gboolean lf_store_next(LfStoreRows *rows)
{
  return rows->store->klass->next(rows);
}

gboolean lf_store_finish(LfStoreRows *rows, GError **error)
{
  return rows->store->klass->finish(rows, error);
}

gint64 lf_store_changes(LfStoreRows *rows)
{
  return rows->store->klass->changes(rows);
}

gboolean lf_store_is_null(LfStoreRows *rows, guint col)
{
  return rows->store->klass->is_null(rows, col);
}

gint64 lf_store_int(LfStoreRows *rows, guint col)
{
  return rows->store->klass->get_int(rows, col);
}

double lf_store_double(LfStoreRows *rows, guint col)
{
  return rows->store->klass->get_double(rows, col);
}

const char *lf_store_text(LfStoreRows *rows, guint col)
{
  return rows->store->klass->is_null(rows, col) ? NULL : rows->store->klass->text(rows, col);
}

JsonNode *lf_store_value(LfStoreRows *rows, guint col, LfColumnType type)
{
  if (lf_store_is_null(rows, col))
    return json_node_new(JSON_NODE_NULL);
  switch (type) {
  case LF_COLUMN_STRING:
    return json_node_init_string(json_node_alloc(), lf_store_text(rows, col));
  case LF_COLUMN_INT:
    return json_node_init_int(json_node_alloc(), lf_store_int(rows, col));
  case LF_COLUMN_BOOL:
    return json_node_init_boolean(json_node_alloc(), lf_store_int(rows, col) != 0);
  case LF_COLUMN_NUMBER:
    return json_node_init_double(json_node_alloc(), lf_store_double(rows, col));
  }
  return json_node_new(JSON_NODE_NULL);
}

LfSqlValue lf_sql_value_from_json(JsonNode *v)
{
  LfSqlValue out = LF_SQL_NULL;
  if (v == NULL || !JSON_NODE_HOLDS_VALUE(v))
    return out;
  out.null = FALSE;
  GType t = json_node_get_value_type(v);
  if (t == G_TYPE_STRING) {
    out.s = json_node_get_string(v);
  } else if (t == G_TYPE_INT64) {
    out.type = LF_COLUMN_INT;
    out.i = json_node_get_int(v);
  } else if (t == G_TYPE_BOOLEAN) {  /* stored as 0/1 */
    out.type = LF_COLUMN_INT;
    out.i = json_node_get_boolean(v) ? 1 : 0;
  } else {
    out.type = LF_COLUMN_NUMBER;
    out.d = json_node_get_double(v);
  }
  return out;
}

gboolean lf_store_run(LfStore *s, const char *sql, const LfSqlValue *params, guint n,
                      gint64 *changes, GError **error)
{
  LfStoreRows *rows = lf_store_query(s, sql, params, n, error);
  if (rows == NULL)
    return FALSE;
  while (lf_store_next(rows))
    ;
  if (changes)
    *changes = lf_store_changes(rows);
  return lf_store_finish(rows, error);
}

gboolean lf_store_query_int(LfStore *s, const char *sql, gint64 *out, GError **error)
{
  LfStoreRows *rows = lf_store_query(s, sql, NULL, 0, error);
  if (rows == NULL)
    return FALSE;
  gboolean found = lf_store_next(rows);
  if (found)
    *out = lf_store_int(rows, 0);
  while (found && lf_store_next(rows))
    ;
  if (!lf_store_finish(rows, error))
    return FALSE;
  if (!found) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("fleet database '%s': %s: %s"), s->name, "query",
                "no row");
    return FALSE;
  }
  return TRUE;
}

gboolean lf_store_load(LfStore *s, const char *table, const char *const *columns,
                       const LfSqlValue *values, guint nrows, GError **error)
{
  return nrows == 0 || s->klass->load(s, table, columns, values, nrows, error);
}

gboolean lf_store_begin(LfStore *s, GError **error)
{
  return s->klass->begin(s, error);
}

gboolean lf_store_commit(LfStore *s, GError **error)
{
  return s->klass->exec(s, "COMMIT", error);
}

void lf_store_rollback(LfStore *s)
{
  s->klass->exec(s, "ROLLBACK", NULL);
}

gboolean lf_store_get_version(LfStore *s, gint64 *version, gboolean *foreign, GError **error)
{
  return s->klass->get_version(s, version, foreign, error);
}

gboolean lf_store_set_version(LfStore *s, gint64 version, GError **error)
{
  return s->klass->set_version(s, version, error);
}

gboolean lf_store_ready(LfStore *s, GError **error)
{
  return s->klass->ready == NULL || s->klass->ready(s, error);
}

gboolean lf_store_bulk(LfStore *s, GError **error)
{
  return s->klass->bulk == NULL || s->klass->bulk(s, error);
}

gboolean lf_store_busy(LfStore *s)
{
  return s->klass->busy(s);
}
