/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The CPU table (the data/cpu TSV files): parsing with file:line errors, cross-row
 * checks and lookup; see cpu-table.h. db/dbgen runs the same parser at build
 * time, so a bad row stops the build. */
#include "db/cpu-table.h"

#include <string.h>

#include "core/error.h"
#include "db/cpu-brand.h"

struct LfCpuTable {
  GPtrArray *rows;          /* LfCpuRow* */
};

enum { COL_VENDOR, COL_FAMILY, COL_MODEL, COL_STEPPING, COL_BRAND, COL_UARCH, COL_CODENAME,
       COL_GENERATION, COL_YEAR, COL_PROCESS, COL_SOURCE, N_COLS };

static void row_free(gpointer p)
{
  LfCpuRow *row = p;
  g_free(row->vendor);
  g_free(row->brand);
  g_free(row->uarch);
  g_free(row->codename);
  g_free(row->generation);
  g_free(row->process);
  g_free(row->source);
  g_free(row->file);
  g_free(row);
}

LfCpuTable *lf_cpu_table_new(void)
{
  LfCpuTable *t = g_new0(LfCpuTable, 1);
  t->rows = g_ptr_array_new_with_free_func(row_free);
  return t;
}

void lf_cpu_table_free(LfCpuTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref(table->rows);
  g_free(table);
}

guint lf_cpu_table_size(const LfCpuTable *table)
{
  return table->rows->len;
}

const LfCpuRow *lf_cpu_table_row(const LfCpuTable *table, guint i)
{
  g_return_val_if_fail(i < table->rows->len, NULL);
  return g_ptr_array_index(table->rows, i);
}

static gboolean parse_num(const char *s, gint *out)
{
  guint64 v;
  const char *digits = s;
  guint base = 10;
  if (g_str_has_prefix(s, "0x") || g_str_has_prefix(s, "0X")) {
    digits = s + 2;
    base = 16;
  }
  if (*digits == '\0' || !g_ascii_string_to_unsigned(digits, base, 0, 0xffff, &v, NULL))
    return FALSE;
  *out = (gint)v;
  return TRUE;
}

/* "0x8E", "0x10-0x1F"; "*" allowed when any_ok. */
static gboolean parse_range(const char *s, gboolean any_ok, gint *lo, gint *hi)
{
  if (any_ok && strcmp(s, "*") == 0) {
    *lo = 0;
    *hi = G_MAXINT;
    return TRUE;
  }
  const char *dash = strchr(s, '-');
  if (dash == NULL) {
    if (!parse_num(s, lo))
      return FALSE;
    *hi = *lo;
    return TRUE;
  }
  g_autofree char *a = g_strndup(s, dash - s);
  return parse_num(a, lo) && parse_num(dash + 1, hi) && *lo <= *hi;
}

static char *opt_text(const char *s)
{
  return strcmp(s, "-") == 0 ? NULL : g_strdup(s);
}

/* CPUID vendor strings and the table's names for them (sandpile.org's list). */
static const struct { const char *cpuid, *id; } vendors[] = {
  { "GenuineIntel", "intel" }, { "AuthenticAMD", "amd" }, { "CentaurHauls", "centaur" },
  { "  Shanghai  ", "zhaoxin" }, { "HygonGenuine", "hygon" }, { "GenuineTMx86", "transmeta" },
  { "TransmetaCPU", "transmeta" }, { "CyrixInstead", "cyrix" }, { "Geode by NSC", "nsc" },
  { "RiseRiseRise", "rise" }, { "Vortex86 SoC", "vortex" },
};

static gboolean is_vendor(const char *v)
{
  for (guint i = 0; i < G_N_ELEMENTS(vendors); i++)
    if (strcmp(v, vendors[i].id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean parse_row(LfCpuTable *table, const char *name, guint lineno, const char *line,
                          GError **error)
{
  g_auto(GStrv) col = g_strsplit(line, "\t", -1);
  guint n = g_strv_length(col);
  const char *why = NULL;
  g_autofree char *why_buf = NULL;
  g_autofree LfCpuRow *row = g_new0(LfCpuRow, 1);   /* strings filled only on success */
  if (n != N_COLS) {
    why = why_buf = g_strdup_printf("%u columns, expected %d (tab-separated)", n, N_COLS);
    goto fail;
  }
  for (guint i = 0; i < n; i++)
    if (*col[i] == '\0' || col[i][0] == ' ' || (col[i][0] && col[i][strlen(col[i]) - 1] == ' ')) {
      why = why_buf = g_strdup_printf("column %u is empty or has stray spaces", i + 1);
      goto fail;
    }
  if (!g_utf8_validate(line, -1, NULL)) {
    why = "not valid UTF-8";
    goto fail;
  }
  for (const char *p = col[COL_BRAND]; *p; p++)
    if (!g_ascii_isprint(*p)) {
      why = "brand pattern is not printable ASCII";   /* brands are cleaned to ASCII */
      goto fail;
    }
  if (!is_vendor(col[COL_VENDOR])) {
    why = "unknown vendor (intel, amd, centaur, zhaoxin, hygon, transmeta, cyrix, nsc, rise, "
          "vortex)";
    goto fail;
  }
  if (!parse_num(col[COL_FAMILY], &row->family)) {
    why = "bad family";
    goto fail;
  }
  if (!parse_range(col[COL_MODEL], FALSE, &row->model_lo, &row->model_hi)) {
    why = "bad model or model range";
    goto fail;
  }
  if (!parse_range(col[COL_STEPPING], TRUE, &row->step_lo, &row->step_hi)) {
    why = "bad stepping or stepping range";
    goto fail;
  }
  if (!parse_num(col[COL_YEAR], &row->year) || row->year < 1990 || row->year > 2030) {
    why = "launch year missing or outside 1990..2030";
    goto fail;
  }
  if (strcmp(col[COL_SOURCE], "-") == 0) {
    why = "source column is empty";
    goto fail;
  }
  if (strcmp(col[COL_GENERATION], "-") == 0 && strcmp(col[COL_UARCH], "-") == 0) {
    why = "neither uarch nor generation given";
    goto fail;
  }
  row->vendor = g_strdup(col[COL_VENDOR]);
  row->brand = strcmp(col[COL_BRAND], "*") == 0 ? NULL : g_strdup(col[COL_BRAND]);
  row->uarch = opt_text(col[COL_UARCH]);
  row->codename = opt_text(col[COL_CODENAME]);
  row->generation = opt_text(col[COL_GENERATION]);
  row->process = opt_text(col[COL_PROCESS]);
  row->source = g_strdup(col[COL_SOURCE]);
  row->file = g_strdup(name);
  row->line = lineno;
  g_ptr_array_add(table->rows, g_steal_pointer(&row));
  return TRUE;
fail:
  g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s:%u: %s", name, lineno, why);
  return FALSE;
}

gboolean lf_cpu_table_add_tsv(LfCpuTable *table, const char *name, const char *text, gsize len,
                              GError **error)
{
  g_autofree char *copy = g_strndup(text, len);
  g_auto(GStrv) lines = g_strsplit(copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    char *line = lines[i];
    gsize l = strlen(line);
    if (l > 0 && line[l - 1] == '\r')
      line[l - 1] = '\0';
    if (*line == '\0' || *line == '#')
      continue;
    if (g_str_has_prefix(line, "vendor\tfamily\t"))   /* the column header */
      continue;
    if (!parse_row(table, name, i + 1, line, error))
      return FALSE;
  }
  return TRUE;
}

/* TRUE if row a matches every CPU row b matches (a shadows b). */
static gboolean row_covers(const LfCpuRow *a, const LfCpuRow *b)
{
  return strcmp(a->vendor, b->vendor) == 0 && a->family == b->family &&
         a->model_lo <= b->model_lo && a->model_hi >= b->model_hi &&
         a->step_lo <= b->step_lo && a->step_hi >= b->step_hi &&
         (a->brand == NULL || g_strcmp0(a->brand, b->brand) == 0);
}

gboolean lf_cpu_table_check(const LfCpuTable *table, GError **error)
{
  for (guint j = 0; j < table->rows->len; j++) {
    const LfCpuRow *b = g_ptr_array_index(table->rows, j);
    for (guint i = 0; i < j; i++) {
      const LfCpuRow *a = g_ptr_array_index(table->rows, i);
      if (!row_covers(a, b))
        continue;
      gboolean dup = row_covers(b, a);
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s:%u: %s %s:%u", b->file, b->line,
                  dup ? "duplicate key of" : "never matches, shadowed by", a->file, a->line);
      return FALSE;
    }
  }
  return TRUE;
}

const char *lf_cpu_vendor_short(const char *vendor_str)
{
  if (vendor_str == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS(vendors); i++)
    if (strcmp(vendor_str, vendors[i].cpuid) == 0 || strcmp(vendor_str, vendors[i].id) == 0)
      return vendors[i].id;
  return NULL;
}

static gboolean brand_matches(const char *patterns, const char *brand)
{
  if (patterns == NULL)
    return TRUE;
  if (brand == NULL)
    return FALSE;
  g_auto(GStrv) alt = g_strsplit(patterns, "|", -1);
  for (guint i = 0; alt[i] != NULL; i++)
    if (g_pattern_match_simple(alt[i], brand))
      return TRUE;
  return FALSE;
}

const LfCpuRow *lf_cpu_table_lookup(const LfCpuTable *table, const char *vendor, gint family,
                                    gint model, gint stepping, const char *brand)
{
  const char *v = lf_cpu_vendor_short(vendor);
  if (table == NULL || v == NULL)
    return NULL;
  g_autofree char *clean = lf_cpu_brand_clean(brand);
  for (guint i = 0; i < table->rows->len; i++) {
    const LfCpuRow *r = g_ptr_array_index(table->rows, i);
    if (strcmp(r->vendor, v) != 0 || r->family != family || model < r->model_lo ||
        model > r->model_hi)
      continue;
    /* An unknown stepping matches only rows that do not care. */
    if (stepping < 0 ? (r->step_lo != 0 || r->step_hi != G_MAXINT)
                     : (stepping < r->step_lo || stepping > r->step_hi))
      continue;
    if (!brand_matches(r->brand, clean))
      continue;
    return r;
  }
  return NULL;
}
