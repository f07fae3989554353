/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reads the distro requirements database (db/schema.sql) into LfDistroTable.
 * The embedded copy is opened in place with sqlite3_deserialize (read-only,
 * no copy); `--db FILE` opens a file built by db/dbgen the same way. */
#include "db/distro-table.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/data-text.h"
#include "core/error.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3_stmt, sqlite3_finalize)

/* db/distros-db.c, generated at build time into lapfit-db-embed. */
extern const unsigned char lf_distro_db_data[];
extern const size_t lf_distro_db_size;

const guint8 *lf_distro_db_embedded(gsize *size)
{
  *size = lf_distro_db_size;
  return lf_distro_db_data;
}

static void edition_free(gpointer p)
{
  LfDistroEdition *e = p;
  if (e == NULL)
    return;
  g_free(e->id); g_free(e->family); g_free(e->name); g_free(e->version); g_free(e->desktop);
  g_free(e->released); g_free(e->support_ends); g_free(e->arch); g_free(e->cpu_floor);
  g_free(e->ram_min_use); g_free(e->ram_rec_use); g_free(e->notes); g_free(e->source);
  g_free(e->confidence); g_free(e->weight_why); g_free(e->audience_why);
  for (int f = 0; f < LF_FACT_COUNT; f++) {
    g_free(e->fact[f].confidence);
    g_free(e->fact[f].source);
  }
  g_free(e);
}

const LfDistroTable *lf_distro_table_get(const char *db_path, GError **error)
{
  static GMutex lock;
  static GHashTable *tables;   /* path ("" = embedded) -> LfDistroTable, never freed */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&lock);
  if (tables == NULL)
    tables = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify)lf_distro_table_free);
  const char *key = db_path ? db_path : "";
  LfDistroTable *table = g_hash_table_lookup(tables, key);
  if (table == NULL) {
    table = lf_distro_table_load(db_path, error);
    if (table == NULL)
      return NULL;
    g_hash_table_insert(tables, g_strdup(key), table);
  }
  return table;
}

void lf_distro_table_free(LfDistroTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer(&table->editions, g_ptr_array_unref);
  g_free(table->origin);
  g_free(table);
}

const LfDistroEdition *lf_distro_table_lookup(const LfDistroTable *table, const char *id)
{
  g_return_val_if_fail(table != NULL, NULL);
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < table->editions->len; i++) {
    const LfDistroEdition *e = table->editions->pdata[i];
    if (g_str_equal(e->id, id))
      return e;
  }
  return NULL;
}

static char *col_text(sqlite3_stmt *st, int i)
{
  const unsigned char *t = sqlite3_column_text(st, i);
  return t ? g_strdup((const char *)t) : NULL;
}

static gint64 col_int(sqlite3_stmt *st, int i)
{
  return sqlite3_column_type(st, i) == SQLITE_NULL ? LF_UNKNOWN : sqlite3_column_int64(st, i);
}

static LfTri col_tri(sqlite3_stmt *st, int i)
{
  if (sqlite3_column_type(st, i) == SQLITE_NULL)
    return LF_TRI_UNKNOWN;
  return sqlite3_column_int(st, i) ? LF_TRI_TRUE : LF_TRI_FALSE;
}

static const char *const fact_keys[LF_FACT_COUNT] = {
  [LF_FACT_ISA] = "isa",
  [LF_FACT_RAM] = "ram",
  [LF_FACT_DISK] = "disk",
  [LF_FACT_BOOT] = "boot",
  [LF_FACT_IA32_UEFI] = "ia32_uefi",
  [LF_FACT_SECURE_BOOT] = "secure_boot",
  [LF_FACT_FIRMWARE] = "firmware",
};

const char *lf_edition_fact_key(LfEditionFact fact)
{
  return (unsigned)fact < LF_FACT_COUNT ? fact_keys[fact] : "?";
}

/* The row's columns, then <key>_confidence, <key>_source per fact in LfEditionFact order. */
static char *select_sql(void)
{
  GString *sql = g_string_new(
      "SELECT id, family, name, version, desktop, weight, wayland_only, released, support_ends,"
      " arch, isa_level, needs_pae, needs_sse2, needs_cmov, soft_sse2, cpu_floor, ram_min_mb,"
      " ram_rec_mb, ram_floor_mb, ram_min_use, ram_rec_use, disk_min_gb, boot_bios, boot_uefi,"
      " boot_ia32_uefi, secure_boot, nonfree_firmware, installer, notes, source, confidence,"
      " audience, audience_why, weight_why");
  for (int f = 0; f < LF_FACT_COUNT; f++)
    g_string_append_printf(sql, ", %s_confidence, %s_source", fact_keys[f], fact_keys[f]);
  g_string_append(sql, " FROM edition ORDER BY ord");
  return g_string_free(sql, FALSE);
}

/* One row of select_sql(), in its column order. */
static LfDistroEdition *read_edition(sqlite3_stmt *st)
{
  LfDistroEdition *e = g_new0(LfDistroEdition, 1);
  int c = 0;
  e->id = col_text(st, c++);
  e->family = col_text(st, c++);
  e->name = col_text(st, c++);
  e->version = col_text(st, c++);
  e->desktop = col_text(st, c++);
  e->weight = (LfDesktopWeight)CLAMP(sqlite3_column_int(st, c), 0, 3); c++;
  e->wayland_only = col_tri(st, c++);
  e->released = col_text(st, c++);
  e->support_ends = col_text(st, c++);
  e->arch = col_text(st, c++);
  e->isa_level = CLAMP(sqlite3_column_int(st, c), 0, 4); c++;
  e->needs_pae = sqlite3_column_int(st, c++) != 0;
  e->needs_sse2 = sqlite3_column_int(st, c++) != 0;
  e->needs_cmov = sqlite3_column_int(st, c++) != 0;
  e->soft_sse2 = sqlite3_column_int(st, c++) != 0;
  e->cpu_floor = col_text(st, c++);
  e->ram_min_mb = col_int(st, c++);
  e->ram_rec_mb = col_int(st, c++);
  e->ram_floor_mb = col_int(st, c++);
  e->ram_min_use = col_text(st, c++);
  e->ram_rec_use = col_text(st, c++);
  e->disk_min_gb = sqlite3_column_type(st, c) == SQLITE_NULL ? NAN
                                                             : sqlite3_column_double(st, c);
  c++;
  e->boot_bios = col_tri(st, c++);
  e->boot_uefi = col_tri(st, c++);
  e->boot_ia32_uefi = col_tri(st, c++);
  e->secure_boot = col_tri(st, c++);
  e->nonfree_firmware = col_tri(st, c++);
  e->installer = sqlite3_column_int(st, c++) != 0;
  e->notes = col_text(st, c++);
  e->source = col_text(st, c++);
  e->confidence = col_text(st, c++);
  g_autofree char *audience = col_text(st, c++);
  if (!lf_audience_from_string(audience, &e->audience))
    e->audience = LF_AUDIENCE_UNKNOWN;
  e->audience_why = col_text(st, c++);
  e->weight_why = col_text(st, c++);
  for (int f = 0; f < LF_FACT_COUNT; f++) {
    e->fact[f].confidence = col_text(st, c++);
    e->fact[f].source = col_text(st, c++);
  }
  return e;
}

static gboolean edition_complete(const LfDistroEdition *e)
{
  if (!e->id || !e->family || !e->name || !e->version || !e->desktop || !e->arch ||
      !e->source || !e->confidence)
    return FALSE;
  for (int f = 0; f < LF_FACT_COUNT; f++)
    if (!e->fact[f].confidence || !e->fact[f].source)
      return FALSE;
  return TRUE;
}

static gboolean read_rows(sqlite3 *db, LfDistroTable *table, GError **error)
{
  sqlite3_int64 version = -1;
  {
    g_autoptr(sqlite3_stmt) st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      version = sqlite3_column_int64(st, 0);
  }
  if (version != LF_DISTRO_DB_VERSION) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB,
                _("distro database '%s' has schema version %lld; this lapfit reads version %d"),
                table->origin, (long long)version, LF_DISTRO_DB_VERSION);
    return FALSE;
  }
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autofree char *sql = select_sql();
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("cannot read distro database '%s': %s"),
                table->origin, sqlite3_errmsg(db));
    return FALSE;
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    LfDistroEdition *e = read_edition(st);
    g_ptr_array_add(table->editions, e);
    /* A hand-made --db file could hold NULLs where dbgen never writes them. */
    if (!edition_complete(e)) {
      g_set_error(error, LF_ERROR, LF_ERROR_DB,
                  _("distro database '%s': row %u lacks a required value"), table->origin,
                  table->editions->len);
      return FALSE;
    }
  }
  if (rc != SQLITE_DONE) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("cannot read distro database '%s': %s"),
                table->origin, sqlite3_errmsg(db));
    return FALSE;
  }
  return TRUE;
}

LfDistroTable *lf_distro_table_load(const char *db_path, GError **error)
{
  g_autoptr(LfDistroTable) table = g_new0(LfDistroTable, 1);
  table->editions = g_ptr_array_new_with_free_func(edition_free);
  table->origin = g_strdup(db_path ? db_path : "embedded");
  sqlite3 *db = NULL;
  int rc;
  if (db_path) {
    /* Check first: SQLite would create a missing file or report a vague error. */
    if (!g_file_test(db_path, G_FILE_TEST_IS_REGULAR)) {
      g_set_error(error, LF_ERROR, LF_ERROR_DB, _("cannot open distro database '%s': %s"),
                  db_path, _("no such file"));
      return NULL;
    }
    rc = sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL);
  } else {
    rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_deserialize(db, "main", (unsigned char *)lf_distro_db_data,
                               (sqlite3_int64)lf_distro_db_size, (sqlite3_int64)lf_distro_db_size,
                               SQLITE_DESERIALIZE_READONLY);
  }
  if (rc != SQLITE_OK) {
    g_set_error(error, LF_ERROR, LF_ERROR_DB, _("cannot open distro database '%s': %s"),
                table->origin, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return NULL;
  }
  gboolean ok = read_rows(db, table, error);
  sqlite3_close(db);
  if (!ok)
    return NULL;
  return g_steal_pointer(&table);
}

gboolean lf_distro_parse_date(const char *s, gboolean end, GDate *out)
{
  unsigned y = 0, m = 0, d = 0;
  char tail = 0;
  if (s == NULL)
    return FALSE;
  int n = sscanf(s, "%4u-%2u-%2u%c", &y, &m, &d, &tail);
  size_t len = strlen(s);
  if (n == 3 && len == 10 && g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y)) {
    g_date_clear(out, 1);
    g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
    return TRUE;
  }
  if (n == 2 && len == 7 && m >= 1 && m <= 12 && y >= 1990 && y <= 2100) {
    d = end ? g_date_get_days_in_month((GDateMonth)m, (GDateYear)y) : 1;
    g_date_clear(out, 1);
    g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
    return TRUE;
  }
  if (n == 1 && len == 4 && y >= 1990 && y <= 2100) {
    g_date_clear(out, 1);
    g_date_set_dmy(out, end ? 31 : 1, end ? G_DATE_DECEMBER : G_DATE_JANUARY, (GDateYear)y);
    return TRUE;
  }
  return FALSE;
}

int lf_isa_level_from_string(const char *isa)
{
  if (isa == NULL)
    return -1;
  if (g_str_has_prefix(isa, "x86-64-v") && isa[8] >= '1' && isa[8] <= '4' && isa[9] == '\0')
    return isa[8] - '0';
  if (g_str_equal(isa, "x86-64"))
    return 1;
  if (g_str_equal(isa, "i686") || g_str_equal(isa, "i586") || g_str_equal(isa, "i486") ||
      g_str_equal(isa, "i386"))
    return 0;
  return -1;
}

const char *lf_desktop_weight_to_string(LfDesktopWeight weight)
{
  switch (weight) {
  case LF_WEIGHT_NONE: return "none";
  case LF_WEIGHT_LIGHT: return "light";
  case LF_WEIGHT_MEDIUM: return "medium";
  case LF_WEIGHT_HEAVY: return "heavy";
  }
  return "none";
}

const char *lf_audience_to_string(LfAudience audience)
{
  switch (audience) {
  case LF_AUDIENCE_NEWCOMER: return "newcomer";
  case LF_AUDIENCE_EXPERIENCED: return "experienced";
  case LF_AUDIENCE_EXPERT: return "expert";
  case LF_AUDIENCE_UNKNOWN: break;
  }
  return "unknown";
}

const char *lf_audience_words(LfAudience a)
{
  switch (a) {
  case LF_AUDIENCE_NEWCOMER:
    return C_("audience", "people new to Linux");
  case LF_AUDIENCE_EXPERIENCED:
    return C_("audience", "experienced users");
  case LF_AUDIENCE_EXPERT:
    return C_("audience", "experts");
  default:
    return C_("audience", "not recorded");
  }
}

const char *lf_weight_words(LfDesktopWeight w)
{
  switch (w) {
  case LF_WEIGHT_LIGHT:
    return C_("desktop weight", "light");
  case LF_WEIGHT_MEDIUM:
    return C_("desktop weight", "medium weight");
  case LF_WEIGHT_HEAVY:
    return C_("desktop weight", "heavy");
  default:
    return C_("desktop weight", "no desktop by default");
  }
}

gboolean lf_audience_from_string(const char *text, LfAudience *out)
{
  static const LfAudience all[] = { LF_AUDIENCE_NEWCOMER, LF_AUDIENCE_EXPERIENCED,
                                    LF_AUDIENCE_EXPERT };
  for (gsize i = 0; text && i < G_N_ELEMENTS(all); i++)
    if (g_str_equal(text, lf_audience_to_string(all[i]))) {
      *out = all[i];
      return TRUE;
    }
  return FALSE;
}

char *lf_distro_edition_title(const LfDistroEdition *e, gboolean with_desktop)
{
  const char *name = lf_data_text(LF_DATA_DISTRO_NAME, e->name);
  const char *version = e->version ? lf_data_text(LF_DATA_DISTRO_VERSION, e->version) : "";
  if (with_desktop && e->desktop)
    return g_strdup_printf("%s %s (%s)", name, version, lf_data_text(LF_DATA_DESKTOP, e->desktop));
  return g_strdup_printf("%s %s", name, version);
}
