/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The firmware table: which driver needs which firmware files, and in which
 * package (the data/firmware/ TSV files, compiled in). Pure: see platform-parse.h. */
#include "probe/platform-parse.h"

#include "firmware-tsv.h"   /* generated: lf_firmware_tsv[], from data/firmware/ TSV files */

struct LfFirmwareTable {
  GPtrArray *rules;   /* LfFirmwareRule* */
};

static void rule_free(LfFirmwareRule *r)
{
  g_free(r->driver);
  g_free(r->match);
  g_free(r->files);
  g_free(r->package);
  g_free(r);
}

LfFirmwareTable *lf_firmware_table_parse(const char *data, gsize len)
{
  LfFirmwareTable *t = g_new0(LfFirmwareTable, 1);
  t->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
  g_autofree char *copy = g_strndup(data, len);
  g_auto(GStrv) lines = g_strsplit(copy, "\n", 0);
  for (guint i = 0; lines[i]; i++) {
    const char *l = lines[i];
    if (*l == '#' || *l == '\0' || g_str_has_prefix(l, "driver\t"))
      continue;
    g_auto(GStrv) cols = g_strsplit(l, "\t", 0);
    if (g_strv_length(cols) < 6 || !*cols[0] || !*cols[1] || !*cols[2] || !*cols[5] ||
        (!g_str_equal(cols[4], "yes") && !g_str_equal(cols[4], "no"))) {
      g_debug("firmware table: skipping malformed line %u", i + 1);
      continue;
    }
    LfFirmwareRule *r = g_new0(LfFirmwareRule, 1);
    r->driver = g_strdup(cols[0]);
    r->match = g_ascii_strdown(cols[1], -1);
    r->files = g_strdup(cols[2]);
    r->package = g_strdup(cols[3]);
    r->nonfree = g_str_equal(cols[4], "yes");
    g_ptr_array_add(t->rules, r);
  }
  return t;
}

void lf_firmware_table_free(LfFirmwareTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref(table->rules);
  g_free(table);
}

guint lf_firmware_table_size(const LfFirmwareTable *table)
{
  return table->rules->len;
}

const LfFirmwareRule *lf_firmware_table_lookup(const LfFirmwareTable *table, const char *driver,
                                               const char *id)
{
  if (driver == NULL)
    return NULL;
  const LfFirmwareRule *any = NULL;
  for (guint i = 0; i < table->rules->len; i++) {
    const LfFirmwareRule *r = table->rules->pdata[i];
    if (!g_str_equal(r->driver, driver))
      continue;
    if (id && g_ascii_strcasecmp(r->match, id) == 0)
      return r;
    if (any == NULL && g_str_equal(r->match, "*"))
      any = r;
  }
  return any;
}

const LfFirmwareTable *lf_firmware_table_builtin(void)
{
  static LfFirmwareTable *table;
  if (g_once_init_enter(&table)) {
    LfFirmwareTable *t = lf_firmware_table_parse(lf_firmware_tsv, sizeof lf_firmware_tsv - 1);
    g_once_init_leave(&table, t);
  }
  return table;
}
