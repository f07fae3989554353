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
  /* Files of this import parsed or set aside, under progress_lock; a worker
   * that brings it to wait_target wakes the importer at once (progress_cond). */
  GMutex progress_lock;
  GCond progress_cond;
  guint processed, wait_target;
  /* Verdicts by what the recommender reads: a fleet repeats models. */
  GMutex cache_lock;
  GHashTable *verdict_cache;  /* char * key -> GArray of LfFleetVerdict (empty = none) */
  GHashTable *edition_index;  /* edition id -> GINT_TO_POINTER(idx + 1), main thread only */
  GHashTable *set_index;      /* verdict set key -> gint64 * id, main thread only */
};

/* Forgets what the store assigned in a transaction that was rolled back
 * (edition indexes, verdict set ids). */
void lf_fleet_forget_ids(LfFleet *f);

/* The verdict function's answer through the cache, or NULL. transfer full. */
GArray *lf_fleet_cached_verdicts(LfFleet *f, const LfReport *r);
/* The index of an edition id in `editions`, adding it; -1 on a database error.
 * Must run inside a write transaction. */
gint64 lf_fleet_edition_idx(LfFleet *f, const char *id, GError **error);

/* One row of a verdict set (schema 7): an edition's status, purchase and RAM
 * target, by the edition's index in `editions`. */
typedef struct {
  gint64 edition, status;
  const char *fix;        /* NULL or the advice kind; borrowed */
  gint64 fix_ram_mb;      /* LF_UNKNOWN for none */
} LfFleetSetRow;

/* The id of the verdict set holding exactly @rows (GArray of LfFleetSetRow,
 * sorted here by edition), storing it when the store has none; 0 for no rows.
 * -1 on a database error. Must run inside a write transaction. */
gint64 lf_fleet_verdict_set(LfFleet *f, GArray *rows, GError **error);
/* The same for a report's verdicts (LfFleetVerdict, may be NULL), adding new
 * editions. */
gint64 lf_fleet_verdict_set_of(LfFleet *f, const GArray *verdicts, GError **error);
/* Points each report of @pairs (gint64 report id, set id; set id 0 stays
 * NULL) at its verdict set: one staged UPDATE. */
gboolean lf_fleet_point_reports(LfFleet *f, GArray *pairs, GError **error);

/* `verdicts` rows of schema 6 (the migration only): appends one row of
 * LF_FLEET_VERDICT_COLUMNS values per verdict to @values. */
#define LF_FLEET_VERDICT_COLUMNS 5
/* Loads schema 6 rows (made by lf_fleet_v5_verdict_rows) into `verdicts`. */
gboolean lf_fleet_load_verdicts(LfFleet *f, GArray *values, GError **error);
/* Schema 5 -> 6: one report's stored letters ("PWF-U", then "|idx:fix,...") as
 * `verdicts` rows appended to @values. */
void lf_fleet_v5_verdict_rows(gint64 report_id, const char *letters, GArray *values);

/* Schema 3 -> 4 (migration only): "id=STATUS[:FIX];..." strings, as lapfit
 * before schema 4 stored them, as one status letter per edition index (P, W,
 * F, U; '-' not judged), then optionally "|idx:fix,idx:fix". NULL stays NULL.
 * transfer full. */
gboolean lf_fleet_encode_verdicts(LfFleet *f, const char *verdicts, char **out, GError **error);

/* "col1", "col2", ... of the summary columns, each after @prefix. transfer full. */
char *lf_fleet_summary_column_list(const char *prefix);
gboolean lf_fleet_update_summary(LfFleet *f, gint64 id, const LfReport *r, GError **error);
int lf_fleet_cmp_strp(gconstpointer a, gconstpointer b);
