/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dbgen's modes besides the distro database (db/dbgen.c). */
#pragma once
#include <glib.h>

/* --cpu-table: argv as given to main; returns the exit status. */
int lf_dbgen_cpu_table(int argc, char **argv);
/* --firmware-table: the same for data/firmware. */
int lf_dbgen_firmware_table(int argc, char **argv);
/* --profiles: the same for profiles/. */
int lf_dbgen_profiles(int argc, char **argv);
/* FILE relative to ROOT, as messages name it ("data/cpu/amd.tsv"). */
char *lf_dbgen_rel_name(const char *root, const char *file);

/* The options every table mode takes: MODE itself ("cpu-table"), --root DIR, --c-out FILE and
 * one or more FILE.tsv (or FILE.conf). FALSE after printing a usage line (exit 2). Outputs transfer full. */
gboolean lf_dbgen_table_options(int argc, char **argv, const char *mode, const char *summary,
                                char **root, char **c_out, GStrv *files);
/* Appends data as the body of a C char array: "0x..,0x..," 16 a line, then "0x00 };". */
void lf_dbgen_append_bytes(GString *s, const char *data, gsize len);
/* Writes generated text to OUT; FALSE after printing "OUT: why". */
gboolean lf_dbgen_write(const char *out, const GString *text);
