/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The two implementations of store.h fill one table of functions. */
#pragma once
#include "fleet/store.h"

typedef struct {
  LfStoreKind kind;
  /* {ID}, {TEXT}, {INT}, {REAL}, {WITHOUT_ROWID} */
  const char *id_type, *text_type, *int_type, *real_type, *without_rowid;
  void (*close)(LfStore *store);
  gboolean (*exec)(LfStore *store, const char *sql, GError **error);
  LfStoreRows *(*query)(LfStore *store, const char *sql, const LfSqlValue *params, guint n,
                        GError **error);
  gboolean (*next)(LfStoreRows *rows);
  gboolean (*finish)(LfStoreRows *rows, GError **error);
  gint64 (*changes)(LfStoreRows *rows);
  gboolean (*is_null)(LfStoreRows *rows, guint col);
  const char *(*text)(LfStoreRows *rows, guint col);
  gint64 (*get_int)(LfStoreRows *rows, guint col);
  double (*get_double)(LfStoreRows *rows, guint col);
  gboolean (*load)(LfStore *store, const char *table, const char *const *columns,
                   const LfSqlValue *values, guint nrows, GError **error);
  gboolean (*begin)(LfStore *store, GError **error);
  gboolean (*get_version)(LfStore *store, gint64 *version, gboolean *foreign, GError **error);
  gboolean (*set_version)(LfStore *store, gint64 version, GError **error);
  gboolean (*busy)(LfStore *store);
  gboolean (*ready)(LfStore *store, GError **error);  /* NULL: nothing to do */
  gboolean (*bulk)(LfStore *store, GError **error);   /* NULL: nothing to do */
} LfStoreClass;

struct LfStore {
  const LfStoreClass *klass;
  char *name;
};

struct LfStoreRows {
  LfStore *store;
};

LfStore *lf_store_sqlite_open(const char *path, gboolean create, GError **error);
LfStore *lf_store_pg_open(const char *uri, GError **error);
