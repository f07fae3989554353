/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internals shared by the fleet database files. */
#pragma once
#include <sqlite3.h>

#include "export/export.h"
#include "fleet/fleet.h"

struct LfFleet {
  sqlite3 *db;
  char *path;
  LfFleetVerdictFunc verdict_func;
  gpointer verdict_data;
  /* Verdicts by a hash of what the recommender reads: a fleet repeats models. */
  GMutex cache_lock;
  GHashTable *verdict_cache;  /* char * key -> char * verdicts ("" = none) */
  GHashTable *edition_index;  /* edition id -> GINT_TO_POINTER(idx + 1), main thread only */
};

/* Stored verdicts (schema 4): one status letter per edition index (P, W, F,
 * U; '-' not judged), then optionally "|idx:fix,idx:fix". Turns the
 * "id=STATUS[:FIX];..." of the verdict function into that, adding new
 * editions to the `editions` table. Must run inside a write transaction.
 * NULL stays NULL. transfer full. */
gboolean lf_fleet_encode_verdicts(LfFleet *f, const char *verdicts, char **out, GError **error);

gboolean lf_fleet_sql_error(LfFleet *f, GError **error, const char *what);
gboolean lf_fleet_exec(LfFleet *f, const char *sql, GError **error);
sqlite3_stmt *lf_fleet_prepare(LfFleet *f, const char *sql, GError **error);
void lf_fleet_bind_value(sqlite3_stmt *st, int idx, JsonNode *value);
JsonNode *lf_fleet_column_value(sqlite3_stmt *st, int idx, LfColumnType type);
gboolean lf_fleet_update_summary(LfFleet *f, gint64 id, const LfReport *r, const char *verdicts,
                                 GError **error);
int lf_fleet_cmp_strp(gconstpointer a, gconstpointer b);
