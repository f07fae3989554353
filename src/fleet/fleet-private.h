/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internals shared by the fleet database files. */
#pragma once
#include "export/export.h"
#include "fleet/fleet.h"
#include "fleet/store.h"

struct LfFleet {
  LfStore *store;
  LfFleetVerdictFunc verdict_func;
  gpointer verdict_data;
  LfFleetProgressFunc progress;
  gpointer progress_data;
  gint processed;  /* files of this import parsed or set aside (atomic) */
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
/* The verdict function's answer through the cache. transfer full. */
char *lf_fleet_cached_verdicts(LfFleet *f, const LfReport *r);

/* "col1", "col2", ... of the summary columns, each after @prefix. transfer full. */
char *lf_fleet_summary_column_list(const char *prefix);
gboolean lf_fleet_update_summary(LfFleet *f, gint64 id, const LfReport *r, const char *verdicts,
                                 GError **error);
int lf_fleet_cmp_strp(gconstpointer a, gconstpointer b);
