/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The CPU table: the data/cpu TSV files rows (vendor, family, model, stepping,
 * brand) -> micro-architecture, codename, generation, year, process, source.
 * db/dbgen validates the files with this parser at build time and embeds
 * them; lf_cpu_table_builtin() parses the embedded copy once at run time. */
#pragma once
#include <glib.h>

typedef struct {
  char *vendor;             /* intel, amd, centaur, zhaoxin, hygon, transmeta, cyrix, nsc, rise, vortex */
  gint family;
  gint model_lo, model_hi;
  gint step_lo, step_hi;    /* 0..G_MAXINT = any */
  char *brand;              /* NULL = any; else '|'-separated globs on the brand */
  char *uarch, *codename, *generation;
  gint year;
  char *process, *source;
  char *file;               /* where the row came from, for messages */
  guint line;
} LfCpuRow;

typedef struct LfCpuTable LfCpuTable;

LfCpuTable *lf_cpu_table_new(void);
void lf_cpu_table_free(LfCpuTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfCpuTable, lf_cpu_table_free)

/* Parses one TSV file's text (need not be NUL-terminated) into the table.
 * name: used in messages. Fails with LF_ERROR_PARSE "NAME:LINE: why" on the
 * first malformed row (wrong column count, bad number, year out of
 * 1990..2030, empty source, bad vendor, reversed range). */
gboolean lf_cpu_table_add_tsv(LfCpuTable *table, const char *name, const char *text, gsize len,
                              GError **error);

/* Cross-row checks: duplicate keys and rows that an earlier row always
 * shadows (lookup takes the first match in file order). */
gboolean lf_cpu_table_check(const LfCpuTable *table, GError **error);

guint lf_cpu_table_size(const LfCpuTable *table);
/* transfer none */
const LfCpuRow *lf_cpu_table_row(const LfCpuTable *table, guint i);

/* The table compiled into the binary (the TSV files in data/cpu), parsed once.
 * transfer none; NULL (with a g_debug) only if the embedded data is broken,
 * which the unit test rules out. */
const LfCpuTable *lf_cpu_table_builtin(void);

/* Short vendor id used in the table for a CPUID vendor string
 * ("GenuineIntel" -> "intel"), NULL if unknown. Static string. */
const char *lf_cpu_vendor_short(const char *vendor_str);

/* First row matching vendor (CPUID string or short id), display family,
 * model, stepping (-1 = unknown) and brand (may be NULL). transfer none. */
const LfCpuRow *lf_cpu_table_lookup(const LfCpuTable *table, const char *vendor, gint family,
                                    gint model, gint stepping, const char *brand);
