/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The fleet database: many lapfit reports in one store, keyed by the machine
 * id (src/core/machine-id.h). The store is an SQLite file (the default) or
 * a PostgreSQL database named by a postgresql:// URI that several benches
 * share (src/fleet/store.h); the schema and its migrations are the same.
 *
 * Schema (PRAGMA user_version = LF_FLEET_SCHEMA_VERSION, application_id
 * 'LFlt'): `reports` holds every imported report (a SHA-256 of its canonical
 * compact JSON that makes re-imports no-ops, one column per CSV summary
 * column of src/export/export.h, and its verdict set); `verdict_sets` each
 * distinct set of the recommender's verdicts once, its typed rows in
 * `set_verdicts` (edition index of `editions`, status, the purchase that
 * fixes it and its RAM target); `report_json` the JSON itself (same id); `report_files` the
 * SHA-256 of every imported file's bytes, so a re-import skips a known file
 * before parsing it; `machines` points at each machine's latest report. Older databases are upgraded in place on open; a database
 * from a newer lapfit is refused. WAL + a busy timeout let several imports
 * run at once. */
#pragma once
#include <glib.h>
#include <json-glib/json-glib.h>

#include "core/report.h"
#include "recommend/recommend.h"

#define LF_FLEET_SCHEMA_VERSION 7

typedef struct LfFleet LfFleet;

/* set_verdicts.status: an LfStatus (PASS, WARN, FAIL), or this for a verdict that
 * a lapfit before schema 6 stored in a form it did not know. */
#define LF_FLEET_STATUS_UNKNOWN 3

/* One edition's verdict on one report, as the fleet stores it (a row of its set). */
typedef struct {
  const char *edition;  /* edition id, interned (g_intern_string) */
  LfStatus status;      /* PASS, WARN or FAIL */
  const char *fix;      /* NULL, or the parts that alone make it PASS, as the recommender's
                           advice kind: "ram", "ssd" or "ram+ssd" (static) */
  gint64 fix_ram_mb;    /* fix "ram", "ram+ssd": the RAM the edition is judged against
                           (LfAdvice.target_mb); else LF_UNKNOWN */
} LfFleetVerdict;

/* Per-edition verdicts of one report (GArray of LfFleetVerdict), NULL when
 * none. Called from worker threads: must be thread-safe. transfer full. */
typedef GArray *(*LfFleetVerdictFunc)(const LfReport *report, gpointer user_data);

/* Opens (creating or upgrading) the database: a file path or a PostgreSQL
 * URI. LF_ERROR_DB for a corrupt or foreign database or a failed connection,
 * LF_ERROR_UNSUPPORTED for a newer schema. transfer full. */
LfFleet *lf_fleet_open(const char *db, GError **error);
/* TRUE when @db names a PostgreSQL database rather than a file. */
gboolean lf_fleet_is_uri(const char *db);
/* The file, or the URI without its password, for messages. */
const char *lf_fleet_name(LfFleet *fleet);
void lf_fleet_close(LfFleet *fleet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfFleet, lf_fleet_close)

/* The default (set by lf_fleet_open): the recommender's verdicts for every
 * supported edition, desktop use, judged at import time, each WARN/FAIL with
 * the purchase that would make it PASS when parts alone can (RAM to its
 * target, an SSD, or both). NULL func stores none. */
GArray *lf_fleet_recommend_verdicts(const LfReport *report, gpointer user_data);
void lf_fleet_set_verdict_func(LfFleet *fleet, LfFleetVerdictFunc func, gpointer user_data);

typedef struct {
  guint imported;     /* new reports stored */
  guint duplicates;   /* already in the database: nothing changed */
  GPtrArray *skipped; /* char *: "FILE: reason" for corrupt or foreign files */
  GPtrArray *failed;  /* char *: "FILE: reason" for files that could not be read */
  guint unfinished;   /* files not stored because the database failed */
} LfFleetImportStats;

/* Called during an import, from the calling thread, a few times a second
 * while files are parsed and after each batch is stored: @done of @total
 * files. */
typedef void (*LfFleetProgressFunc)(guint done, guint total, gpointer user_data);
void lf_fleet_set_progress(LfFleet *fleet, LfFleetProgressFunc func, gpointer user_data);

void lf_fleet_import_stats_clear(LfFleetImportStats *stats);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(LfFleetImportStats, lf_fleet_import_stats_clear)

/* Imports report files; a directory is searched recursively for *.json.
 * Files that cannot be read as lapfit reports are listed in stats->skipped
 * and never stop the batch. Reports are committed in transactions of up to
 * LF_FLEET_BATCH reports. Fails only on database errors. */
#define LF_FLEET_BATCH 5000
gboolean lf_fleet_import(LfFleet *fleet, const char *const *paths, LfFleetImportStats *stats,
                         GError **error);

/* One row per machine (its latest report): the summary columns followed by
 * "reports" (how many reports the machine has), as a JSON array of objects
 * (lf_summary_columns() order), ordered by machine id. transfer full. */
JsonNode *lf_fleet_list(LfFleet *fleet, GError **error);

/* Calls @func for each machine's latest report, ordered by machine id: @row
 * holds the summary values (JsonNode, lf_summary_columns() order; transfer
 * none, valid during the call), @reports how many reports the machine has.
 * Streams: memory does not grow with the fleet. */
typedef void (*LfFleetMachineFunc)(GPtrArray *row, gint64 reports, gpointer user_data);
gboolean lf_fleet_foreach_machine(LfFleet *fleet, LfFleetMachineFunc func, gpointer user_data,
                                  GError **error);
/* How many machines lf_fleet_foreach_machine() will call @func for. */
gboolean lf_fleet_count(LfFleet *fleet, gint64 *machines, GError **error);
/* One row as the JSON object lf_fleet_list() gives. transfer full. */
JsonNode *lf_fleet_machine_to_json(GPtrArray *row, gint64 reports);

/* The fleet summary, typed: per-edition PASS/WARN/FAIL counts, battery health
 * distribution, the shopping list of parts that turn verdicts into PASS, and
 * hardware upgrades without verdicts. Machines count by their latest report. */
typedef struct {
  char *edition;
  gint64 counts[4];         /* machines: PASS, WARN, FAIL, unknown status */
} LfFleetEditionCounts;

typedef struct {
  char *edition;
  gint64 machines;
} LfFleetEditionMachines;

typedef struct {
  const char *fix;          /* the recommender's advice kind: "ram", "ssd" or "ram+ssd" */
  gint64 ram_mb;            /* with RAM: the RAM target; else LF_UNKNOWN */
  gint64 machines;          /* machines it moves to PASS on at least one edition */
  GPtrArray *editions;      /* LfFleetEditionMachines: the five it helps most, most first */
} LfFleetPurchase;

typedef struct {
  gboolean ssd;             /* an SSD where a machine has only hard disks; else RAM */
  gint64 to_mb;             /* RAM: the target (lf_ram_upgrade_target) */
  gint64 machines;
  gint64 added_mb;          /* RAM: added over all those machines */
} LfFleetUpgrade;

#define LF_FLEET_BATTERY_BUCKETS 6
/* "80-100", "60-80", "40-60", "0-40" (health %), "none" (no battery), "unknown" */
extern const char *const lf_fleet_battery_buckets[LF_FLEET_BATTERY_BUCKETS];

typedef struct {
  gint64 machines, reports;
  GPtrArray *editions;      /* LfFleetEditionCounts, by edition id */
  gint64 battery[LF_FLEET_BATTERY_BUCKETS];   /* machines per lf_fleet_battery_buckets */
  GPtrArray *purchases;     /* LfFleetPurchase: the ten that help most machines, most first */
  GArray *upgrades;         /* LfFleetUpgrade, most machines first */
  gint64 ram_not_upgradable;  /* machines below 4 GB that take no more (soldered, board max) */
} LfFleetSummary;

LfFleetSummary *lf_fleet_summary(LfFleet *fleet, GError **error);
void lf_fleet_summary_free(LfFleetSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfFleetSummary, lf_fleet_summary_free)
/* The purchase's name in the JSON: "ram4096", "ssd", "ram4096+ssd". transfer full. */
char *lf_fleet_purchase_name(const LfFleetPurchase *purchase);
/* `fleet report --json`. transfer full. */
JsonNode *lf_fleet_summary_to_json(const LfFleetSummary *summary);
/* lf_fleet_summary() as JSON. transfer full. */
JsonNode *lf_fleet_report(LfFleet *fleet, GError **error);

/* What changed between consecutive reports of one machine (id or unique id
 * prefix, or host name). LF_ERROR_NOT_FOUND for an unknown machine.
 * transfer full. */
JsonNode *lf_fleet_diff(LfFleet *fleet, const char *machine, GError **error);

