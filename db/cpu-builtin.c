/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The CPU table compiled into the binary; see cpu-table.h. */
#include "db/cpu-table.h"

/* Generated at build time by db/dbgen --cpu-table from the TSV files. */
typedef struct {
  const char *name;
  const char *data;
  gsize len;
} LfCpuTsvFile;
extern const LfCpuTsvFile lf_cpu_tsv_files[];
extern const guint lf_cpu_tsv_n_files;

const LfCpuTable *lf_cpu_table_builtin(void)
{
  static gsize once = 0;
  static LfCpuTable *table = NULL;
  if (g_once_init_enter(&once)) {
    g_autoptr(LfCpuTable) t = lf_cpu_table_new();
    g_autoptr(GError) error = NULL;
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < lf_cpu_tsv_n_files; i++)
      ok = lf_cpu_table_add_tsv(t, lf_cpu_tsv_files[i].name, lf_cpu_tsv_files[i].data,
                                lf_cpu_tsv_files[i].len, &error);
    if (ok)
      table = g_steal_pointer(&t);
    else
      g_debug("embedded CPU table is broken: %s", error->message);
    g_once_init_leave(&once, 1);
  }
  return table;
}
