/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dbgen: validates data/distros/<family>.conf and compiles them into the SQLite
 * requirements database, plus a C file that embeds it in lapfit.
 *
 *   lapfit-dbgen --check FILE.conf...
 *   lapfit-dbgen --schema db/schema.sql --out distros.db [--c-out distros-db.c] FILE.conf...
 *   lapfit-dbgen --cpu-table ... (data/cpu: see dbgen-cpu.c)
 *   lapfit-dbgen --firmware-table ... (data/firmware: see dbgen-firmware.c)
 *   lapfit-dbgen --profiles ... (profiles/: see dbgen-profiles.c)
 *
 * Every problem is printed as "file:line: message" (all of them, not only the
 * first) and the exit status is 1, so a bad data edit fails the build and CI
 * with the line to fix. GKeyFile reads the values; a line scan beside it
 * finds the line of each group and key (GKeyFile does not keep them) and
 * catches what GKeyFile would silently accept (a group given twice). */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/data-text.h"
#include "db/dbgen.h"

typedef struct {
  const char *path;
  GHashTable *lines;    /* "group\x1fkey" or "group" -> line number */
  guint errors;
} Src;

G_GNUC_PRINTF(3, 4)
static void report(Src *src, int line, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  fprintf(stderr, "%s:%d: %s\n", src->path, line, msg);
  src->errors++;
}

static int line_of(Src *src, const char *group, const char *key)
{
  g_autofree char *k = key ? g_strconcat(group, "\x1f", key, NULL) : g_strdup(group);
  return GPOINTER_TO_INT(g_hash_table_lookup(src->lines, k));
}

/* The line scan: group and key lines, duplicates, and lines GKeyFile would reject.
 * Returns the text with every rejected line (and every line of a repeated group)
 * commented out, so the remaining rows are still checked in the same run. */
static char *scan_lines(Src *src, const char *text)
{
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  g_autofree char *group = NULL;
  gboolean skip = FALSE;
  for (int i = 0; lines[i]; i++) {
    int ln = i + 1;
    g_autofree char *s = g_strstrip(g_strdup(lines[i]));
    if (*s == '\0' || *s == '#')
      continue;
    if (*s == '[') {
      size_t n = strlen(s);
      skip = FALSE;
      if (s[n - 1] != ']' || n < 3) {
        report(src, ln, "malformed group header '%s'", s);
        skip = TRUE;
        g_free(lines[i]);
        lines[i] = g_strdup("#");
        continue;
      }
      g_free(group);
      group = g_strndup(s + 1, n - 2);
      if (g_hash_table_contains(src->lines, group)) {
        report(src, ln, "edition '%s' is defined twice (first at line %d)", group,
               line_of(src, group, NULL));
        skip = TRUE;
        g_free(lines[i]);
        lines[i] = g_strdup("#");
      } else {
        g_hash_table_insert(src->lines, g_strdup(group), GINT_TO_POINTER(ln));
      }
      continue;
    }
    if (skip) {
      g_free(lines[i]);
      lines[i] = g_strdup("#");
      continue;
    }
    char *eq = strchr(s, '=');
    if (eq == NULL || group == NULL) {
      if (eq == NULL)
        report(src, ln, "expected 'key=value', '[edition-id]' or a '#' comment");
      else
        report(src, ln, "key outside of any [edition] group");
      g_free(lines[i]);
      lines[i] = g_strdup("#");
      continue;
    }
    g_autofree char *key = g_strstrip(g_strndup(s, (gsize)(eq - s)));
    g_autofree char *k = g_strconcat(group, "\x1f", key, NULL);
    if (g_hash_table_contains(src->lines, k))
      report(src, ln, "key '%s' given twice in [%s]", key, group);
    else
      g_hash_table_insert(src->lines, g_steal_pointer(&k), GINT_TO_POINTER(ln));
  }
  return g_strjoinv("\n", lines);
}

/* --- value checks -------------------------------------------------------- */

static gboolean parse_date(const char *s, gboolean end, GDate *out)
{
  unsigned y = 0, m = 0, d = 0;
  char tail = 0;
  int n = sscanf(s, "%4u-%2u-%2u%c", &y, &m, &d, &tail);
  size_t len = strlen(s);
  if (n == 3 && len == 10 && g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y)) {
    g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
    return TRUE;
  }
  if (n == 2 && len == 7 && m >= 1 && m <= 12 && y >= 1990 && y <= 2100) {
    d = end ? g_date_get_days_in_month((GDateMonth)m, (GDateYear)y) : 1;
    g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
    return TRUE;
  }
  if (n == 1 && len == 4 && y >= 1990 && y <= 2100) {
    g_date_set_dmy(out, end ? 31 : 1, end ? 12 : 1, (GDateYear)y);
    return TRUE;
  }
  return FALSE;
}

static const char *const conf_values[] = { "O", "S", "I", "?", NULL };

typedef enum { K_TEXT, K_SOURCE, K_BOOL, K_INT, K_REAL, K_LIST, K_DATE, K_ENUM, K_CONF } KeyType;

typedef struct {
  const char *key;
  KeyType type;
  gboolean required;
  const char *const *allowed;   /* K_ENUM and K_LIST members */
  double lo, hi;                /* K_INT, K_REAL */
} KeySpec;

static const char *const weights[] = { "none", "light", "medium", "heavy", NULL };
static const char *const arches[] = { "x86_64", "i686", NULL };
static const char *const needs[] = { "pae", "sse2", "cmov", NULL };
/* 32-bit UEFI is its own fact (ia32_uefi=) with its own confidence and source. */
static const char *const boots[] = { "bios", "uefi", NULL };
static const char *const audiences[] = { "newcomer", "experienced", "expert", NULL };

/* Every key a group may have (header of each .conf file documents them). */
static const KeySpec specs[] = {
  { "name", K_TEXT, TRUE, NULL, 0, 0 },
  { "version", K_TEXT, TRUE, NULL, 0, 0 },
  { "desktop", K_TEXT, TRUE, NULL, 0, 0 },
  { "weight", K_ENUM, TRUE, weights, 0, 0 },
  { "weight_why", K_TEXT, TRUE, NULL, 0, 0 },
  { "audience", K_ENUM, TRUE, audiences, 0, 0 },
  { "audience_why", K_TEXT, TRUE, NULL, 0, 0 },
  { "wayland_only", K_BOOL, FALSE, NULL, 0, 0 },
  { "released", K_DATE, FALSE, NULL, 0, 0 },
  { "support_ends", K_DATE, FALSE, NULL, 0, 0 },
  { "arch", K_ENUM, TRUE, arches, 0, 0 },
  { "isa_level", K_INT, FALSE, NULL, 1, 4 },
  { "cpu_needs", K_LIST, FALSE, needs, 0, 0 },
  { "cpu_soft_needs", K_LIST, FALSE, needs, 0, 0 },
  { "cpu_floor", K_TEXT, FALSE, NULL, 0, 0 },
  { "ram_min_mb", K_INT, FALSE, NULL, 16, 65536 },
  { "ram_rec_mb", K_INT, FALSE, NULL, 16, 65536 },
  { "ram_floor_mb", K_INT, FALSE, NULL, 16, 65536 },
  { "ram_min_use", K_TEXT, FALSE, NULL, 0, 0 },
  { "ram_rec_use", K_TEXT, FALSE, NULL, 0, 0 },
  { "disk_min_gb", K_REAL, FALSE, NULL, 0.01, 1000 },
  { "boot", K_LIST, TRUE, boots, 0, 0 },
  { "ia32_uefi", K_BOOL, FALSE, NULL, 0, 0 },
  { "ia32_uefi_confidence", K_CONF, FALSE, conf_values, 0, 0 },
  { "ia32_uefi_source", K_SOURCE, FALSE, NULL, 0, 0 },
  { "secure_boot", K_BOOL, FALSE, NULL, 0, 0 },
  { "secure_boot_confidence", K_CONF, FALSE, conf_values, 0, 0 },
  { "secure_boot_source", K_SOURCE, FALSE, NULL, 0, 0 },
  { "nonfree_firmware", K_BOOL, FALSE, NULL, 0, 0 },
  { "installer", K_BOOL, FALSE, NULL, 0, 0 },
  { "notes", K_TEXT, FALSE, NULL, 0, 0 },
  { "source", K_SOURCE, TRUE, NULL, 0, 0 },
  { "confidence", K_CONF, TRUE, conf_values, 0, 0 },
  { "isa_confidence", K_CONF, FALSE, conf_values, 0, 0 },
  { "ram_confidence", K_CONF, FALSE, conf_values, 0, 0 },
  { "disk_confidence", K_CONF, FALSE, conf_values, 0, 0 },
  { "boot_confidence", K_CONF, FALSE, conf_values, 0, 0 },
  { "firmware_confidence", K_CONF, FALSE, conf_values, 0, 0 },
  { "isa_source", K_SOURCE, FALSE, NULL, 0, 0 },
  { "ram_source", K_SOURCE, FALSE, NULL, 0, 0 },
  { "disk_source", K_SOURCE, FALSE, NULL, 0, 0 },
  { "boot_source", K_SOURCE, FALSE, NULL, 0, 0 },
  { "firmware_source", K_SOURCE, FALSE, NULL, 0, 0 },
};

static const KeySpec *spec_of(const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS(specs); i++)
    if (g_str_equal(specs[i].key, key))
      return &specs[i];
  return NULL;
}

/* One validated row, ready to insert. */
typedef struct {
  char *id, *family;
  GKeyFile *kf;           /* transfer none */
  const char *file;
  int line;
} Row;

static gboolean check_value(Src *src, GKeyFile *kf, const char *group, const KeySpec *sp)
{
  int ln = line_of(src, group, sp->key);
  g_autoptr(GError) err = NULL;
  g_autofree char *raw = g_key_file_get_string(kf, group, sp->key, &err);
  if (raw == NULL) {
    report(src, ln, "%s: %s", sp->key, err->message);
    return FALSE;
  }
  if (*g_strstrip(raw) == '\0') {
    report(src, ln, "%s is empty (leave the key out when the project publishes nothing)",
           sp->key);
    return FALSE;
  }
  switch (sp->type) {
  case K_TEXT:
    return TRUE;
  case K_SOURCE:
    if (!g_str_has_prefix(raw, "http://") && !g_str_has_prefix(raw, "https://")) {
      report(src, ln, "%s must start with an http(s) URL", sp->key);
      return FALSE;
    }
    return TRUE;
  case K_BOOL:
    g_key_file_get_boolean(kf, group, sp->key, &err);
    if (err) {
      report(src, ln, "%s must be true or false, not '%s'", sp->key, raw);
      return FALSE;
    }
    return TRUE;
  case K_INT:
  case K_REAL: {
    char *end = NULL;
    errno = 0;
    double v = g_ascii_strtod(raw, &end);
    if (errno || end == raw || *end != '\0' || !isfinite(v)) {
      report(src, ln, "%s must be a number, not '%s'", sp->key, raw);
      return FALSE;
    }
    if (sp->type == K_INT && v != floor(v)) {
      report(src, ln, "%s must be a whole number, not '%s'", sp->key, raw);
      return FALSE;
    }
    if (v < sp->lo || v > sp->hi) {
      report(src, ln, "%s = %s is outside the sane range %g..%g", sp->key, raw, sp->lo, sp->hi);
      return FALSE;
    }
    return TRUE;
  }
  case K_DATE: {
    GDate d;
    if (g_str_equal(sp->key, "support_ends") && g_str_equal(raw, "rolling"))
      return TRUE;
    if (!parse_date(raw, FALSE, &d)) {
      report(src, ln, "%s: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", sp->key, raw);
      return FALSE;
    }
    return TRUE;
  }
  case K_ENUM:
  case K_CONF:
    if (!g_strv_contains(sp->allowed, raw)) {
      g_autofree char *list = g_strjoinv(", ", (char **)sp->allowed);
      report(src, ln, "%s: '%s' is not one of %s", sp->key, raw, list);
      return FALSE;
    }
    return TRUE;
  case K_LIST: {
    g_auto(GStrv) items = g_key_file_get_string_list(kf, group, sp->key, NULL, NULL);
    gboolean ok = TRUE;
    for (int i = 0; items && items[i]; i++) {
      if (!g_strv_contains(sp->allowed, g_strstrip(items[i]))) {
        g_autofree char *list = g_strjoinv(", ", (char **)sp->allowed);
        report(src, ln, "%s: '%s' is not one of %s", sp->key, items[i], list);
        ok = FALSE;
      }
    }
    return ok;
  }
  }
  return TRUE;
}

static double get_num(GKeyFile *kf, const char *group, const char *key)
{
  g_autofree char *raw = g_key_file_get_string(kf, group, key, NULL);
  return raw ? g_ascii_strtod(g_strstrip(raw), NULL) : NAN;
}

static gboolean id_ok(const char *id)
{
  if (!g_ascii_isalnum(id[0]))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '.' || *p == '-' || *p == '_'))
      return FALSE;
  return strlen(id) <= 64;
}

/* Checks one group: every key known, required keys present, values sane and consistent. */
static void check_group(Src *src, GKeyFile *kf, const char *group)
{
  int gl = line_of(src, group, NULL);
  if (!id_ok(group))
    report(src, gl, "edition id '%s' must be a lowercase slug (a-z, 0-9, '.', '-', '_')", group);
  gsize n = 0;
  g_auto(GStrv) keys = g_key_file_get_keys(kf, group, &n, NULL);
  gboolean bad = FALSE;
  for (gsize i = 0; i < n; i++) {
    const KeySpec *sp = spec_of(keys[i]);
    if (sp == NULL) {
      report(src, line_of(src, group, keys[i]), "unknown key '%s' (see the file header)",
             keys[i]);
      bad = TRUE;
    } else if (!check_value(src, kf, group, sp)) {
      bad = TRUE;
    }
  }
  for (gsize i = 0; i < G_N_ELEMENTS(specs); i++)
    if (specs[i].required && !g_key_file_has_key(kf, group, specs[i].key, NULL)) {
      report(src, gl, "[%s] lacks the required key '%s'", group, specs[i].key);
      bad = TRUE;
    }
  if (bad)
    return;

  /* Consistency between keys. */
  g_autofree char *arch = g_key_file_get_string(kf, group, "arch", NULL);
  gboolean has_isa = g_key_file_has_key(kf, group, "isa_level", NULL);
  if (g_str_equal(arch, "x86_64") && !has_isa)
    report(src, gl, "[%s] is x86_64 but has no isa_level (1 = any x86-64 CPU)", group);
  if (g_str_equal(arch, "i686") && has_isa)
    report(src, line_of(src, group, "isa_level"),
           "isa_level applies to x86_64 rows; i686 rows list cpu_needs instead");
  if (g_str_equal(arch, "x86_64") && g_key_file_has_key(kf, group, "cpu_needs", NULL))
    report(src, line_of(src, group, "cpu_needs"),
           "cpu_needs (PAE/SSE2/CMOV) applies to i686 rows; use isa_level for x86_64");
  double mn = get_num(kf, group, "ram_min_mb"), rec = get_num(kf, group, "ram_rec_mb"),
         fl = get_num(kf, group, "ram_floor_mb");
  if (!isnan(mn) && !isnan(rec) && rec < mn)
    report(src, line_of(src, group, "ram_rec_mb"),
           "ram_rec_mb (%g) is below ram_min_mb (%g)", rec, mn);
  if (!isnan(fl) && !isnan(mn) && fl > mn)
    report(src, line_of(src, group, "ram_floor_mb"),
           "ram_floor_mb (%g) is above ram_min_mb (%g)", fl, mn);
  if (g_key_file_has_key(kf, group, "ram_min_use", NULL) && isnan(mn))
    report(src, line_of(src, group, "ram_min_use"), "ram_min_use without ram_min_mb");
  if (g_key_file_has_key(kf, group, "ram_rec_use", NULL) && isnan(rec))
    report(src, line_of(src, group, "ram_rec_use"), "ram_rec_use without ram_rec_mb");
  g_autofree char *aud = g_key_file_get_string(kf, group, "audience", NULL);
  g_autofree char *wt = g_key_file_get_string(kf, group, "weight", NULL);
  g_autofree char *ends = g_key_file_get_string(kf, group, "support_ends", NULL);
  if (aud && g_str_equal(g_strstrip(aud), "newcomer")) {
    /* Issue #10: a newcomer is not handed a rolling release or a system without a desktop. */
    if (ends && g_str_equal(g_strstrip(ends), "rolling"))
      report(src, line_of(src, group, "audience"),
             "a rolling release is not a newcomer edition (audience=experienced or expert)");
    if (g_str_equal(g_strstrip(wt), "none"))
      report(src, line_of(src, group, "audience"),
             "an edition without a desktop (weight=none) is not a newcomer edition");
  }
  /* A fact's confidence or source without the fact describes nothing. */
  static const char *const own[][2] = { { "secure_boot_confidence", "secure_boot" },
                                        { "secure_boot_source", "secure_boot" },
                                        { "ia32_uefi_confidence", "ia32_uefi" },
                                        { "ia32_uefi_source", "ia32_uefi" } };
  for (gsize i = 0; i < G_N_ELEMENTS(own); i++)
    if (g_key_file_has_key(kf, group, own[i][0], NULL) &&
        !g_key_file_has_key(kf, group, own[i][1], NULL))
      report(src, line_of(src, group, own[i][0]), "%s without %s", own[i][0], own[i][1]);
  if (g_key_file_has_key(kf, group, "audience_why", NULL) &&
      !g_key_file_has_key(kf, group, "audience", NULL))
    report(src, line_of(src, group, "audience_why"), "audience_why without audience");
  g_autofree char *rel = g_key_file_get_string(kf, group, "released", NULL);
  g_autofree char *end = g_key_file_get_string(kf, group, "support_ends", NULL);
  GDate dr, de;
  if (rel && end && !g_str_equal(g_strstrip(end), "rolling") &&
      parse_date(g_strstrip(rel), FALSE, &dr) && parse_date(end, TRUE, &de) &&
      g_date_compare(&de, &dr) < 0)
    report(src, line_of(src, group, "support_ends"), "support_ends %s is before released %s",
           end, rel);
}

/* --- database ------------------------------------------------------------ */

static const char insert_sql[] =
    "INSERT INTO edition (id, family, name, version, desktop, weight, wayland_only, released,"
    " support_ends, arch, isa_level, needs_pae, needs_sse2, needs_cmov, soft_sse2, cpu_floor,"
    " ram_min_mb, ram_rec_mb, ram_floor_mb, ram_min_use, ram_rec_use, disk_min_gb, boot_bios,"
    " boot_uefi, boot_ia32_uefi, secure_boot, nonfree_firmware, installer, notes, source,"
    " confidence, isa_confidence, ram_confidence, disk_confidence, boot_confidence,"
    " firmware_confidence, file, line, ord, audience, audience_why, weight_why, isa_source,"
    " ram_source, disk_source, boot_source, firmware_source, ia32_uefi_confidence,"
    " ia32_uefi_source, secure_boot_confidence, secure_boot_source) VALUES (?1, ?2, ?3, ?4,"
    " ?5, ?6,"
    " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
    " ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41,"
    " ?42, ?43, ?44, ?45, ?46, ?47, ?48, ?49, ?50, ?51)";

static void bind_text(sqlite3_stmt *st, int i, GKeyFile *kf, const char *g, const char *k)
{
  g_autofree char *v = g_key_file_get_string(kf, g, k, NULL);
  if (v)
    sqlite3_bind_text(st, i, g_strstrip(v), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(st, i);
}

static void bind_num(sqlite3_stmt *st, int i, GKeyFile *kf, const char *g, const char *k)
{
  double v = get_num(kf, g, k);
  if (isnan(v))
    sqlite3_bind_null(st, i);
  else
    sqlite3_bind_double(st, i, v);
}

static void bind_bool(sqlite3_stmt *st, int i, GKeyFile *kf, const char *g, const char *k)
{
  if (!g_key_file_has_key(kf, g, k, NULL)) {
    sqlite3_bind_null(st, i);
    return;
  }
  sqlite3_bind_int(st, i, g_key_file_get_boolean(kf, g, k, NULL) ? 1 : 0);
}

static gboolean list_has(GKeyFile *kf, const char *g, const char *k, const char *item)
{
  g_auto(GStrv) items = g_key_file_get_string_list(kf, g, k, NULL, NULL);
  for (int i = 0; items && items[i]; i++)
    if (g_str_equal(g_strstrip(items[i]), item))
      return TRUE;
  return FALSE;
}

static void bind_conf(sqlite3_stmt *st, int i, GKeyFile *kf, const char *g, const char *k)
{
  g_autofree char *v = g_key_file_get_string(kf, g, k, NULL);
  if (v == NULL)
    v = g_key_file_get_string(kf, g, "confidence", NULL);
  sqlite3_bind_text(st, i, g_strstrip(v), -1, SQLITE_TRANSIENT);
}

/* A per-fact source defaults to the row's source, so readers never fall back themselves. */
static void bind_source(sqlite3_stmt *st, int i, GKeyFile *kf, const char *g, const char *k)
{
  g_autofree char *v = g_key_file_get_string(kf, g, k, NULL);
  if (v == NULL)
    v = g_key_file_get_string(kf, g, "source", NULL);
  sqlite3_bind_text(st, i, g_strstrip(v), -1, SQLITE_TRANSIENT);
}

/* The Secure Boot fact defaults to the boot paths' confidence and source, as before it
 * had its own; those default to the row's. */
static void bind_from(sqlite3_stmt *st, int i, GKeyFile *kf, const char *g, const char *k,
                      const char *fallback, const char *row_key)
{
  g_autofree char *v = g_key_file_get_string(kf, g, k, NULL);
  if (v == NULL)
    v = g_key_file_get_string(kf, g, fallback, NULL);
  if (v == NULL)
    v = g_key_file_get_string(kf, g, row_key, NULL);
  sqlite3_bind_text(st, i, g_strstrip(v), -1, SQLITE_TRANSIENT);
}

static int weight_of(const char *w)
{
  for (int i = 0; weights[i]; i++)
    if (g_str_equal(weights[i], w))
      return i;
  return 0;
}

static gboolean insert_row(sqlite3 *db, sqlite3_stmt *st, const Row *r, int ord)
{
  GKeyFile *kf = r->kf;
  const char *g = r->id;
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  sqlite3_bind_text(st, 1, r->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, r->family, -1, SQLITE_TRANSIENT);
  bind_text(st, 3, kf, g, "name");
  bind_text(st, 4, kf, g, "version");
  bind_text(st, 5, kf, g, "desktop");
  g_autofree char *w = g_key_file_get_string(kf, g, "weight", NULL);
  sqlite3_bind_int(st, 6, weight_of(g_strstrip(w)));
  bind_bool(st, 7, kf, g, "wayland_only");
  bind_text(st, 8, kf, g, "released");
  bind_text(st, 9, kf, g, "support_ends");
  bind_text(st, 10, kf, g, "arch");
  double isa = get_num(kf, g, "isa_level");
  sqlite3_bind_int(st, 11, isnan(isa) ? 0 : (int)isa);
  sqlite3_bind_int(st, 12, list_has(kf, g, "cpu_needs", "pae"));
  sqlite3_bind_int(st, 13, list_has(kf, g, "cpu_needs", "sse2"));
  sqlite3_bind_int(st, 14, list_has(kf, g, "cpu_needs", "cmov"));
  sqlite3_bind_int(st, 15, list_has(kf, g, "cpu_soft_needs", "sse2"));
  bind_text(st, 16, kf, g, "cpu_floor");
  bind_num(st, 17, kf, g, "ram_min_mb");
  bind_num(st, 18, kf, g, "ram_rec_mb");
  bind_num(st, 19, kf, g, "ram_floor_mb");
  bind_text(st, 20, kf, g, "ram_min_use");
  bind_text(st, 21, kf, g, "ram_rec_use");
  bind_num(st, 22, kf, g, "disk_min_gb");
  sqlite3_bind_int(st, 23, list_has(kf, g, "boot", "bios"));
  sqlite3_bind_int(st, 24, list_has(kf, g, "boot", "uefi"));
  bind_bool(st, 25, kf, g, "ia32_uefi");
  bind_bool(st, 26, kf, g, "secure_boot");
  bind_bool(st, 27, kf, g, "nonfree_firmware");
  sqlite3_bind_int(st, 28, g_key_file_has_key(kf, g, "installer", NULL)
                               ? g_key_file_get_boolean(kf, g, "installer", NULL) : 1);
  bind_text(st, 29, kf, g, "notes");
  bind_text(st, 30, kf, g, "source");
  bind_conf(st, 31, kf, g, "confidence");
  bind_conf(st, 32, kf, g, "isa_confidence");
  bind_conf(st, 33, kf, g, "ram_confidence");
  bind_conf(st, 34, kf, g, "disk_confidence");
  bind_conf(st, 35, kf, g, "boot_confidence");
  bind_conf(st, 36, kf, g, "firmware_confidence");
  sqlite3_bind_text(st, 37, r->file, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 38, r->line);
  sqlite3_bind_int(st, 39, ord);
  bind_text(st, 40, kf, g, "audience");
  bind_text(st, 41, kf, g, "audience_why");
  bind_text(st, 42, kf, g, "weight_why");
  bind_source(st, 43, kf, g, "isa_source");
  bind_source(st, 44, kf, g, "ram_source");
  bind_source(st, 45, kf, g, "disk_source");
  bind_source(st, 46, kf, g, "boot_source");
  bind_source(st, 47, kf, g, "firmware_source");
  bind_conf(st, 48, kf, g, "ia32_uefi_confidence");
  bind_source(st, 49, kf, g, "ia32_uefi_source");
  bind_from(st, 50, kf, g, "secure_boot_confidence", "boot_confidence", "confidence");
  bind_from(st, 51, kf, g, "secure_boot_source", "boot_source", "source");
  if (sqlite3_step(st) != SQLITE_DONE) {
    fprintf(stderr, "%s:%d: cannot insert [%s]: %s\n", r->file, r->line, r->id,
            sqlite3_errmsg(db));
    return FALSE;
  }
  return TRUE;
}

static gboolean build_db(const char *schema_path, const char *out, GPtrArray *rows)
{
  g_autofree char *schema = NULL;
  g_autoptr(GError) err = NULL;
  if (!g_file_get_contents(schema_path, &schema, NULL, &err)) {
    fprintf(stderr, "%s: %s\n", schema_path, err->message);
    return FALSE;
  }
  g_autofree char *tmp = g_strconcat(out, ".tmp", NULL);
  g_unlink(tmp);
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  char *msg = NULL;
  if (sqlite3_open(tmp, &db) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", tmp, sqlite3_errmsg(db));
    goto out;
  }
  if (sqlite3_exec(db, "PRAGMA page_size = 1024; PRAGMA journal_mode = OFF;", NULL, NULL,
                   NULL) != SQLITE_OK ||
      sqlite3_exec(db, schema, NULL, NULL, &msg) != SQLITE_OK ||
      sqlite3_exec(db, "BEGIN", NULL, NULL, &msg) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", schema_path, msg ? msg : sqlite3_errmsg(db));
    goto out;
  }
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, insert_sql, -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", schema_path, sqlite3_errmsg(db));
    goto out;
  }
  ok = TRUE;
  for (guint i = 0; i < rows->len && ok; i++)
    ok = insert_row(db, st, rows->pdata[i], (int)i);
  sqlite3_finalize(st);
  if (ok && (sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK ||
             sqlite3_exec(db, "VACUUM", NULL, NULL, &msg) != SQLITE_OK)) {
    fprintf(stderr, "%s: %s\n", out, msg);
    ok = FALSE;
  }
out:
  sqlite3_free(msg);
  sqlite3_close(db);
  if (ok && g_rename(tmp, out) != 0) {
    fprintf(stderr, "%s: %s\n", out, g_strerror(errno));
    ok = FALSE;
  }
  if (!ok)
    g_unlink(tmp);
  return ok;
}

/* The text people read, for the catalogue: every free-text key, one context per key. */
static const struct {
  const char *key, *context, *hint;
} pot_keys[] = {
  { "name", LF_DATA_DISTRO_NAME, "a distribution's name; keep the name, translate the words" },
  { "version", LF_DATA_DISTRO_VERSION,
    "an edition's release as the project names it; keep release names and numbers" },
  { "desktop", LF_DATA_DESKTOP, "the desktop an edition ships; keep the desktops' names" },
  { "notes", LF_DATA_NOTE, "a short fact about an edition, shown with its details" },
  { "audience_why", LF_DATA_AUDIENCE_WHY,
    "why an edition suits newcomers, experienced users or experts" },
  { "weight_why", LF_DATA_WEIGHT_WHY, "why an edition's desktop counts as light, medium or heavy" },
  { "cpu_floor", LF_DATA_CPU_FLOOR, "the CPU minimum the project publishes; keep CPU names" },
  { "ram_min_use", LF_DATA_RAM_USE,
    "what a published RAM figure is for; completes \"the minimum is for ...\"" },
  { "ram_rec_use", LF_DATA_RAM_USE,
    "what a published RAM figure is for; completes \"the recommended figure is for ...\"" },
};

static gboolean write_pot(const char *out, GPtrArray *rows)
{
  g_autoptr(LfDbgenPot) pot = lf_dbgen_pot_new();
  for (gsize k = 0; k < G_N_ELEMENTS(pot_keys); k++)
    lf_dbgen_pot_hint(pot, pot_keys[k].context, pot_keys[k].hint);
  for (guint i = 0; i < rows->len; i++) {
    const Row *r = rows->pdata[i];
    for (gsize k = 0; k < G_N_ELEMENTS(pot_keys); k++) {
      g_autofree char *v = g_key_file_get_string(r->kf, r->id, pot_keys[k].key, NULL);
      g_autofree char *base = g_path_get_basename(r->file);
      g_autofree char *where = g_strdup_printf("data/distros/%s [%s] %s", base, r->id,
                                               pot_keys[k].key);
      if (v != NULL)
        lf_dbgen_pot_add(pot, pot_keys[k].context, g_strstrip(v), where);
    }
  }
  return lf_dbgen_pot_write(pot, out, "data/distros");
}

/* The database as a C array, so lapfit needs no data file at run time. */
static gboolean write_c(const char *db_path, const char *out)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) err = NULL;
  if (!g_file_get_contents(db_path, &data, &len, &err)) {
    fprintf(stderr, "%s: %s\n", db_path, err->message);
    return FALSE;
  }
  g_autoptr(GString) s = g_string_sized_new(len * 6 + 512);
  g_string_append(s, "/* Generated by db/dbgen from data/distros: do not edit. */\n"
                     "#include <stddef.h>\n"
                     "extern const unsigned char lf_distro_db_data[];\n"
                     "extern const size_t lf_distro_db_size;\n"
                     "const unsigned char lf_distro_db_data[] = {\n");
  for (gsize i = 0; i < len; i++)
    g_string_append_printf(s, "%u,%s", (guint8)data[i], (i % 24 == 23) ? "\n" : "");
  g_string_append_printf(s, "\n};\nconst size_t lf_distro_db_size = %" G_GSIZE_FORMAT ";\n", len);
  if (!g_file_set_contents(out, s->str, (gssize)s->len, &err)) {
    fprintf(stderr, "%s: %s\n", out, err->message);
    return FALSE;
  }
  return TRUE;
}

/* What the files loaded so far hold: every row, and the edition ids seen. */
typedef struct {
  GPtrArray *keyfiles;   /* GKeyFile, owning the rows' values */
  GPtrArray *rows;       /* Row */
  GPtrArray *strings;    /* what the rows point to */
  GHashTable *seen;      /* edition id -> "file:line" */
} Loaded;

/* One family file: scanned, loaded and every group checked, its rows added.
 * Returns the number of errors printed. */
static guint load_file(const char *path, Loaded *all)
{
  Src src = { path, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), 0 };
  g_autofree char *text = NULL;
  g_autoptr(GError) ferr = NULL;
  if (!g_file_get_contents(path, &text, NULL, &ferr)) {
    fprintf(stderr, "%s:0: %s\n", path, ferr->message);
    g_hash_table_unref(src.lines);
    return 1;
  }
  g_autofree char *clean = scan_lines(&src, text);
  GKeyFile *kf = g_key_file_new();
  g_ptr_array_add(all->keyfiles, kf);
  if (!g_key_file_load_from_data(kf, clean, (gsize)-1, G_KEY_FILE_NONE, &ferr)) {
    report(&src, 0, "%s", ferr->message);
    g_hash_table_unref(src.lines);
    return src.errors;
  }
  g_autofree char *base = g_path_get_basename(path);
  char *dot = strrchr(base, '.');
  if (dot)
    *dot = '\0';
  char *family = g_strdup(base);
  g_ptr_array_add(all->strings, family);
  gsize n = 0;
  g_auto(GStrv) groups = g_key_file_get_groups(kf, &n);
  if (n == 0)
    report(&src, 1, "no [edition] groups");
  for (gsize i = 0; i < n; i++) {
    int gl = line_of(&src, groups[i], NULL);
    check_group(&src, kf, groups[i]);
    const char *prev = g_hash_table_lookup(all->seen, groups[i]);
    if (prev)
      report(&src, gl, "edition id '%s' is already used at %s", groups[i], prev);
    else
      g_hash_table_insert(all->seen, g_strdup(groups[i]), g_strdup_printf("%s:%d", path, gl));
    Row *r = g_new0(Row, 1);
    r->id = g_strdup(groups[i]);
    g_ptr_array_add(all->strings, r->id);
    r->family = family;
    r->kf = kf;
    r->file = path;
    r->line = gl;
    g_ptr_array_add(all->rows, r);
  }
  g_hash_table_unref(src.lines);
  return src.errors;
}

int main(int argc, char **argv)
{
  if (argc > 1 && strcmp(argv[1], "--cpu-table") == 0)
    return lf_dbgen_cpu_table(argc, argv);
  if (argc > 1 && strcmp(argv[1], "--firmware-table") == 0)
    return lf_dbgen_firmware_table(argc, argv);
  if (argc > 1 && strcmp(argv[1], "--profiles") == 0)
    return lf_dbgen_profiles(argc, argv);
  gboolean check = FALSE;
  g_autofree char *schema = NULL, *out = NULL, *c_out = NULL, *pot_out = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Only validate the files", NULL },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema, "db/schema.sql", "FILE" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "SQLite file to write", "FILE" },
    { "c-out", 0, 0, G_OPTION_ARG_FILENAME, &c_out, "C file embedding the database", "FILE" },
    { "pot-out", 0, 0, G_OPTION_ARG_FILENAME, &pot_out, "Text for translators (C for xgettext)",
      "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE.conf..." },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("- build the lapfit distro database");
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_autoptr(GError) err = NULL;
  if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
    fprintf(stderr, "dbgen: %s\n", err->message);
    return 2;
  }
  if (files == NULL || (!check && (schema == NULL || out == NULL))) {
    fprintf(stderr, "dbgen: need FILE.conf... and either --check or --schema and --out\n");
    return 2;
  }

  guint errors = 0;
  g_autoptr(GPtrArray) keyfiles = g_ptr_array_new_with_free_func((GDestroyNotify)g_key_file_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  Loaded all = { keyfiles, rows, strings, seen };
  for (int f = 0; files[f]; f++)
    errors += load_file(files[f], &all);
  if (errors) {
    fprintf(stderr, "dbgen: %u error%s in the distro data\n", errors, errors == 1 ? "" : "s");
    return 1;
  }
  if (pot_out != NULL && !write_pot(pot_out, rows))
    return 1;
  if (check) {
    printf("%u editions OK\n", rows->len);
    return 0;
  }
  if (!build_db(schema, out, rows))
    return 1;
  if (c_out && !write_c(out, c_out))
    return 1;
  return 0;
}
