/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `fleet import`: files -> reports in the store, in batches. A file seen
 * before is known by the SHA-256 of its bytes and never parsed again; the
 * rest are parsed on every core, then written set by set: one bulk load into
 * a staging table and a few statements per batch, the same on both stores. */
#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>

#include "core/error.h"
#include "core/report-json.h"
#include "core/machine-id.h"
#include "core/sha256.h"
#include "fleet/fleet-private.h"

typedef struct {
  char *path;
  char *error;            /* why it was skipped */
  gboolean failed;        /* unreadable rather than not a report */
  GBytes *bytes;          /* the file, until parsed */
  char *file_sha256;      /* of the bytes */
  gboolean seen;          /* file_sha256 already in report_files */
  char *json, *sha256, *machine_id, *generated;
  GArray *verdicts;       /* LfFleetVerdict, or NULL; shared by equal configurations */
  gint64 set_id;          /* its verdict set in the store, 0 for none */
  GPtrArray *summary;
  gint64 id;              /* > 0 once stored */
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
  if (it->verdicts)
    g_array_unref(it->verdicts);
  if (it->summary)
    g_ptr_array_unref(it->summary);
  g_free(it);
}

/* Reads and hashes the file: a re-import stops here. */
static void hash_file(gpointer data, G_GNUC_UNUSED gpointer user_data)
{
  Item *it = data;
  g_autoptr(GError) local = NULL;
  it->bytes = lf_report_read(it->path, &local);
  if (it->bytes == NULL) {
    it->failed = !g_error_matches(local, LF_ERROR, LF_ERROR_PARSE);
    it->error = g_strdup(local->message);
    return;
  }
  gsize len = 0;
  gconstpointer bytes = g_bytes_get_data(it->bytes, &len);
  it->file_sha256 = lf_sha256_hex(bytes, len);
}

static void parse_item(Item *it, LfFleet *f)
{
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
  /* The stored form: compact JSON with the private fields. */
  it->json = lf_report_to_json(r, LF_JSON_PRIVATE);
  it->sha256 = lf_sha256_hex(it->json, strlen(it->json));
  if (r->machine_id == NULL)  /* nothing identifies it: its own machine */
    r->machine_id = g_strconcat("r-", it->sha256, NULL);
  it->machine_id = g_strdup(r->machine_id);
  it->generated = g_strdup(r->generated);
  it->summary = lf_report_summary(r);
  if (f->verdict_func)
    it->verdicts = lf_fleet_cached_verdicts(f, r);
}

static void prepare(gpointer data, gpointer user_data)
{
  LfFleet *f = user_data;
  parse_item(data, f);
  g_mutex_lock(&f->progress_lock);
  if (++f->processed >= f->wait_target)
    g_cond_signal(&f->progress_cond);
  g_mutex_unlock(&f->progress_lock);
}

/* One stat per report file: a re-import of 100,000 files is mostly this. */
static void collect(const char *path, GPtrArray *items, LfFleetImportStats *stats, int depth)
{
  struct stat st;
  if (stat(path, &st) != 0) {
    int err = errno;
    g_ptr_array_add(stats->failed, err == ENOENT
                                       ? g_strdup_printf(_("%s: no such file"), path)
                                       : g_strdup_printf("%s: %s", path, g_strerror(err)));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    /* below the named directories, symlinked directories are not followed
     * (no loops); depth is bounded anyway */
    struct stat lst;
    if (depth > 0 && ((lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) || depth > 32)) {
      g_ptr_array_add(stats->skipped,
                      g_strdup_printf(_("%s: symbolic link to a directory (not followed)"), path));
      return;
    }
    g_autoptr(GError) local = NULL;
    g_autoptr(GDir) dir = g_dir_open(path, 0, &local);
    if (dir == NULL) {
      g_ptr_array_add(stats->failed, g_strdup(local->message));
      return;
    }
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(dir)))
      g_ptr_array_add(names, g_build_filename(path, name, NULL));
    g_ptr_array_sort(names, lf_fleet_cmp_strp);
    for (guint i = 0; i < names->len; i++) {
      const char *p = names->pdata[i];
      if (g_str_has_suffix(p, ".json") || g_file_test(p, G_FILE_TEST_IS_DIR))
        collect(p, items, stats, depth + 1);
    }
    return;
  }
  /* a FIFO or device would block or never end */
  if (!S_ISREG(st.st_mode)) {
    g_ptr_array_add(stats->skipped, g_strdup_printf(_("%s: not a regular file"), path));
    return;
  }
  Item *it = g_new0(Item, 1);
  it->path = g_strdup(path);
  g_ptr_array_add(items, it);
}

/* Parsing and hashing are the cost: spread them over the cores, keep the
 * store on this thread. g_thread_pool_free(pool, FALSE, TRUE) waits. */
static GThreadPool *start_pool(GFunc func, LfFleet *f, GPtrArray *items, guint from, guint to)
{
  guint threads = MAX(1, g_get_num_processors());
  GThreadPool *pool = g_thread_pool_new(func, f, (int)threads, FALSE, NULL);
  for (guint k = from; k < to; k++)
    g_thread_pool_push(pool, items->pdata[k], NULL);
  return pool;
}

static gboolean create_staging(LfFleet *f, GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GString) sql = g_string_new(
      "CREATE TEMP TABLE IF NOT EXISTS lf_stage_files (sha256 {TEXT});"
      "CREATE TEMP TABLE IF NOT EXISTS lf_stage_machines (machine_id {TEXT}, "
      "latest_report {INT}, latest_generated {TEXT}, reports {INT});"
      "CREATE TEMP TABLE IF NOT EXISTS lf_stage (seq {INT}, sha256 {TEXT}, file_sha256 {TEXT}, "
      "imported {TEXT}, source {TEXT}, verdict_set {INT}");
  for (guint i = 0; i < n; i++)
    g_string_append_printf(sql, ", \"%s\" %s", cols[i].name,
                           cols[i].type == LF_COLUMN_STRING   ? "{TEXT}"
                           : cols[i].type == LF_COLUMN_NUMBER ? "{REAL}"
                                                              : "{INT}");
  g_string_append(sql, ");");
  return lf_store_exec(f->store, sql->str, error);
}

/* Marks the items whose bytes the store has seen. */
static gboolean mark_seen(LfFleet *f, GPtrArray *items, guint from, guint to, GError **error)
{
  static const char *const cols[] = { "sha256", NULL };
  g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(LfSqlValue));
  g_autoptr(GHashTable) unique = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint k = from; k < to; k++) {
    Item *it = items->pdata[k];
    if (it->file_sha256 == NULL || !g_hash_table_add(unique, it->file_sha256))
      continue;
    LfSqlValue v = LF_SQL_TEXT(it->file_sha256);
    g_array_append_val(values, v);
  }
  if (!lf_store_exec(f->store, "BEGIN", error))
    return FALSE;
  gboolean ok = lf_store_exec(f->store, "DELETE FROM lf_stage_files", error) &&
                lf_store_load(f->store, "lf_stage_files", cols, (LfSqlValue *)values->data,
                              values->len, error);
  LfStoreRows *rows = ok ? lf_store_query(f->store,
      "SELECT s.sha256 FROM lf_stage_files s JOIN report_files f ON f.sha256 = s.sha256",
      NULL, 0, error) : NULL;
  g_autoptr(GHashTable) hits = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  while (rows && lf_store_next(rows))
    g_hash_table_add(hits, g_strdup(lf_store_text(rows, 0)));
  for (guint k = from; k < to; k++) {
    Item *it = items->pdata[k];
    if (it->file_sha256 && g_hash_table_contains(hits, it->file_sha256)) {
      it->seen = TRUE;
      g_clear_pointer(&it->bytes, g_bytes_unref);
    }
  }
  ok = rows && lf_store_finish(rows, error);
  if (ok)
    return lf_store_commit(f->store, error);
  lf_store_rollback(f->store);
  return FALSE;
}

/* The batch's parsed reports into lf_stage. */
static gboolean stage_reports(LfFleet *f, GPtrArray *items, guint from, guint to,
                              const char *imported, GError **error)
{
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_autoptr(GPtrArray) names = g_ptr_array_new();
  static const char *const fixed[] = { "seq", "sha256", "file_sha256", "imported", "source",
                                       "verdict_set" };
  for (guint i = 0; i < G_N_ELEMENTS(fixed); i++)
    g_ptr_array_add(names, (char *)fixed[i]);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add(names, (char *)cols[i].name);
  g_ptr_array_add(names, NULL);
  g_autoptr(GArray) values = g_array_new(FALSE, FALSE, sizeof(LfSqlValue));
  guint nrows = 0;
  for (guint k = from; k < to; k++) {
    Item *it = items->pdata[k];
    if (it->error || it->seen)
      continue;
    LfSqlValue row[] = { LF_SQL_INT(k), LF_SQL_TEXT(it->sha256), LF_SQL_TEXT(it->file_sha256),
                         LF_SQL_TEXT(imported), LF_SQL_TEXT(it->path),
                         it->set_id > 0 ? LF_SQL_INT(it->set_id) : LF_SQL_NULL };
    g_array_append_vals(values, row, G_N_ELEMENTS(row));
    for (guint i = 0; i < n; i++) {
      LfSqlValue v = g_str_equal(cols[i].name, "machine_id")
                         ? LF_SQL_TEXT(it->machine_id)
                         : lf_sql_value_from_json(it->summary->pdata[i]);
      g_array_append_val(values, v);
    }
    nrows++;
  }
  return lf_store_exec(f->store, "DELETE FROM lf_stage", error) &&
         lf_store_load(f->store, "lf_stage", (const char *const *)names->pdata,
                       (LfSqlValue *)values->data, nrows, error);
}

/* lf_stage -> reports; new rows get their ids (duplicates by content hash,
 * here or in the same batch, get none). */
static gboolean insert_reports(LfFleet *f, GPtrArray *items, guint from, guint to, GError **error)
{
  g_autofree char *names = lf_fleet_summary_column_list("");
  g_autofree char *sql = g_strdup_printf(
      "INSERT INTO reports (sha256, imported, source, verdict_set, %s) "
      "SELECT sha256, imported, source, verdict_set, %s FROM lf_stage WHERE true ORDER BY seq "
      "ON CONFLICT (sha256) DO NOTHING RETURNING id, sha256", names, names);
  LfStoreRows *rows = lf_store_query(f->store, sql, NULL, 0, error);
  if (rows == NULL)
    return FALSE;
  g_autoptr(GHashTable) ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  while (lf_store_next(rows)) {
    gint64 *id = g_new(gint64, 1);
    *id = lf_store_int(rows, 0);
    g_hash_table_replace(ids, g_strdup(lf_store_text(rows, 1)), id);
  }
  if (!lf_store_finish(rows, error))
    return FALSE;
  for (guint k = from; k < to; k++) {  /* the first of equal reports is the one stored */
    Item *it = items->pdata[k];
    gint64 *id = it->sha256 ? g_hash_table_lookup(ids, it->sha256) : NULL;
    it->id = id ? *id : 0;
    if (id)
      g_hash_table_remove(ids, it->sha256);
  }
  return TRUE;
}

/* Each new report's verdict set (new editions and sets are stored: inside
 * the write transaction). Reports of one configuration share their verdicts'
 * array (the verdict cache), so it is one lookup per array and batch. */
static gboolean assign_sets(LfFleet *f, GPtrArray *items, guint from, guint to, GError **error)
{
  g_autoptr(GHashTable) sets = g_hash_table_new_full(NULL, NULL, NULL, g_free);
  for (guint k = from; k < to; k++) {
    Item *it = items->pdata[k];
    if (it->error || it->seen || it->verdicts == NULL)
      continue;
    gint64 *set = g_hash_table_lookup(sets, it->verdicts);
    if (set == NULL) {
      set = g_new(gint64, 1);
      *set = lf_fleet_verdict_set_of(f, it->verdicts, error);
      g_hash_table_insert(sets, it->verdicts, set);
      if (*set < 0)
        return FALSE;
    }
    it->set_id = *set;
  }
  return TRUE;
}

typedef struct {
  const char *machine_id, *generated;
  gint64 latest, reports;
} MachineUpdate;

/* The new reports' JSON, their files' hashes, and each machine's count and
 * latest report. */
static gboolean insert_rest(LfFleet *f, GPtrArray *items, guint from, guint to, GError **error)
{
  static const char *const json_cols[] = { "id", "json", NULL };
  static const char *const machine_cols[] = { "machine_id", "latest_report", "latest_generated",
                                              "reports", NULL };
  g_autoptr(GArray) json = g_array_new(FALSE, FALSE, sizeof(LfSqlValue));
  g_autoptr(GHashTable) machines = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new();
  for (guint k = from; k < to; k++) {
    Item *it = items->pdata[k];
    if (it->id <= 0)
      continue;
    LfSqlValue row[] = { LF_SQL_INT(it->id), LF_SQL_TEXT(it->json) };
    g_array_append_vals(json, row, 2);
    MachineUpdate *m = g_hash_table_lookup(machines, it->machine_id);
    if (m == NULL) {
      m = g_new0(MachineUpdate, 1);
      m->machine_id = it->machine_id;
      g_hash_table_insert(machines, it->machine_id, m);
      g_ptr_array_add(order, m);
    }
    m->reports++;
    /* the latest by time; of equal times, the last imported */
    if (m->latest == 0 || g_strcmp0(it->generated ? it->generated : "",
                                    m->generated ? m->generated : "") >= 0) {
      m->latest = it->id;
      m->generated = it->generated;
    }
  }
  g_autoptr(GArray) mrows = g_array_new(FALSE, FALSE, sizeof(LfSqlValue));
  for (guint i = 0; i < order->len; i++) {
    MachineUpdate *m = order->pdata[i];
    LfSqlValue row[] = { LF_SQL_TEXT(m->machine_id), LF_SQL_INT(m->latest),
                         LF_SQL_TEXT(m->generated), LF_SQL_INT(m->reports) };
    g_array_append_vals(mrows, row, 4);
  }
  return lf_store_load(f->store, "report_json", json_cols, (LfSqlValue *)json->data,
                       json->len / 2, error) &&
         lf_store_exec(f->store,
             "INSERT INTO report_files (sha256, report_id) SELECT s.file_sha256, r.id "
             "FROM lf_stage s JOIN reports r ON r.sha256 = s.sha256 WHERE true "
             "ON CONFLICT (sha256) DO NOTHING;"
             "DELETE FROM lf_stage_machines;", error) &&
         lf_store_load(f->store, "lf_stage_machines", machine_cols, (LfSqlValue *)mrows->data,
                       order->len, error) &&
         lf_store_exec(f->store,
             "INSERT INTO machines (machine_id, latest_report, latest_generated, reports) "
             "SELECT machine_id, latest_report, latest_generated, reports "
             "FROM lf_stage_machines WHERE true ON CONFLICT (machine_id) DO UPDATE SET "
             "reports = machines.reports + excluded.reports, "
             "latest_report = CASE WHEN COALESCE(excluded.latest_generated, '') >= "
             "COALESCE(machines.latest_generated, '') THEN excluded.latest_report "
             "ELSE machines.latest_report END, "
             "latest_generated = CASE WHEN COALESCE(excluded.latest_generated, '') >= "
             "COALESCE(machines.latest_generated, '') THEN excluded.latest_generated "
             "ELSE machines.latest_generated END", error);
}

/* One batch, one transaction: all of it is stored or none. */
static gboolean write_batch(LfFleet *f, GPtrArray *items, guint from, guint to,
                            LfFleetImportStats *stats, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc();
  g_autofree char *imported = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
  if (!lf_store_begin(f->store, error))
    return FALSE;
  if (!assign_sets(f, items, from, to, error) ||
      !stage_reports(f, items, from, to, imported, error) ||
      !insert_reports(f, items, from, to, error) || !insert_rest(f, items, from, to, error) ||
      !lf_store_commit(f->store, error)) {
    lf_store_rollback(f->store);
    lf_fleet_forget_ids(f);  /* ids assigned in it are gone */
    return FALSE;
  }
  for (guint k = from; k < to; k++) {
    Item *it = items->pdata[k];
    if (it->error)
      g_ptr_array_add(it->failed ? stats->failed : stats->skipped, g_strdup(it->error));
    else if (it->id > 0)
      stats->imported++;
    else
      stats->duplicates++;
  }
  return TRUE;
}

void lf_fleet_import_stats_clear(LfFleetImportStats *stats)
{
  g_clear_pointer(&stats->skipped, g_ptr_array_unref);
  g_clear_pointer(&stats->failed, g_ptr_array_unref);
  stats->imported = stats->duplicates = stats->unfinished = 0;
}

/* Reads and hashes a batch, sets aside the files the store has seen, and
 * starts parsing the rest: the parsing runs while the batch before is
 * written. */
static GThreadPool *start_batch(LfFleet *f, GPtrArray *items, guint from, guint to,
                                GError **error)
{
  g_thread_pool_free(start_pool(hash_file, f, items, from, to), FALSE, TRUE);
  if (!mark_seen(f, items, from, to, error))
    return NULL;
  return start_pool(prepare, f, items, from, to);
}

/* Waits for a batch's parsing; a long one reports progress meanwhile. The
 * last file parsed wakes this thread: polling left both cores idle for up to
 * a fifth of a second per batch, 2 s of a 100,000-report import. */
static void wait_parsed(LfFleet *f, GThreadPool *pool, guint target, guint total)
{
  g_mutex_lock(&f->progress_lock);
  f->wait_target = target;
  while (f->progress && f->processed < target) {
    gint64 until = g_get_monotonic_time() + G_USEC_PER_SEC / 5;
    if (g_cond_wait_until(&f->progress_cond, &f->progress_lock, until) || f->processed >= target)
      continue;
    guint done = f->processed;
    g_mutex_unlock(&f->progress_lock);
    f->progress(done, total, f->progress_data);
    g_mutex_lock(&f->progress_lock);
  }
  f->wait_target = G_MAXUINT;
  g_mutex_unlock(&f->progress_lock);
  g_thread_pool_free(pool, FALSE, TRUE);
}

gboolean lf_fleet_import(LfFleet *f, const char *const *paths, LfFleetImportStats *stats,
                         GError **error)
{
  if (stats->skipped == NULL)
    stats->skipped = g_ptr_array_new_with_free_func(g_free);
  if (stats->failed == NULL)
    stats->failed = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
  for (guint i = 0; paths[i]; i++)
    collect(paths[i], items, stats, 0);
  if (!lf_store_bulk(f->store, error) || !create_staging(f, error)) {
    stats->unfinished = items->len;
    return FALSE;
  }
  guint n = items->len;
  GThreadPool *parsing = NULL;
  f->processed = 0;   /* no worker runs yet */
  f->wait_target = G_MAXUINT;
  for (guint from = 0; from < n; from += LF_FLEET_BATCH) {
    guint to = MIN(n, from + LF_FLEET_BATCH);
    if (from == 0 && (parsing = start_batch(f, items, 0, to, error)) == NULL) {
      stats->unfinished = n;
      return FALSE;
    }
    wait_parsed(f, parsing, to, n);  /* this batch is parsed */
    parsing = NULL;
    if (to < n && (parsing = start_batch(f, items, to, MIN(n, to + LF_FLEET_BATCH), error)) == NULL) {
      stats->unfinished = n - from;
      return FALSE;
    }
    if (!write_batch(f, items, from, to, stats, error)) {
      if (parsing)
        g_thread_pool_free(parsing, FALSE, TRUE);
      stats->unfinished = n - from;
      return FALSE;
    }
    for (guint k = from; k < to; k++) {  /* keep memory flat on huge imports */
      item_free(items->pdata[k]);
      items->pdata[k] = g_new0(Item, 1);
    }
    if (f->progress)
      f->progress(to, items->len, f->progress_data);
  }
  return TRUE;
}
