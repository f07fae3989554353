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

/* The options every table mode takes: MODE itself ("cpu-table"), --root DIR, --c-out FILE
 * (when c_out is not NULL), --pot-out FILE (when pot_out is not NULL) and one or more FILE.tsv (or FILE.conf).
 * FALSE after printing a usage line (exit 2). Outputs transfer full. */
gboolean lf_dbgen_table_options(int argc, char **argv, const char *mode, const char *summary,
                                char **root, char **c_out, char **pot_out, GStrv *files);

/* The text for translators (dbgen-pot.c): values added with a message context and the
 * place they come from ("data/distros/debian.conf [debian-12-xfce] notes"); values without
 * an English word to translate (brand names) are left out. */
typedef struct LfDbgenPot LfDbgenPot;
LfDbgenPot *lf_dbgen_pot_new(void);
void lf_dbgen_pot_free(LfDbgenPot *pot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfDbgenPot, lf_dbgen_pot_free)
gboolean lf_dbgen_pot_wanted(const char *text);
/* What translators should know about one kind of value (a static string). */
void lf_dbgen_pot_hint(LfDbgenPot *pot, const char *context, const char *hint);
void lf_dbgen_pot_add(LfDbgenPot *pot, const char *context, const char *text, const char *where);
/* The C fragment for xgettext; `what` names the data in its header. */
gboolean lf_dbgen_pot_write(LfDbgenPot *pot, const char *out, const char *what);
/* Appends data as the body of a C char array: "0x..,0x..," 16 a line, then "0x00 };". */
void lf_dbgen_append_bytes(GString *s, const char *data, gsize len);
/* Writes generated text to OUT; FALSE after printing "OUT: why". */
gboolean lf_dbgen_write(const char *out, const GString *text);
