/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The firmware table: which driver needs which firmware files, and where the
 * distributions get each (the data/firmware/ TSV files, compiled in). Pure: see
 * firmware-table.h. */
#include "db/firmware-table.h"

#include <string.h>

#include "firmware-tsv.h"   /* generated: lf_firmware_tsv[], from data/firmware/ TSV files */

struct LfFirmwareTable {
  GPtrArray *rules;       /* LfFirmwareRule* */
  GPtrArray *packaging;   /* char*[2]: edition glob, family */
};

static void rule_free(LfFirmwareRule *r)
{
  g_free(r->driver);
  g_free(r->match);
  g_free(r->files);
  g_free(r->package);
  g_strfreev(r->shipped);
  g_strfreev(r->packages);
  g_free(r);
}

static LfFirmwareRule *parse_rule(char **cols)
{
  if (g_strv_length(cols) < 9 || !*cols[0] || !*cols[1] || !*cols[2] || !*cols[5] ||
      (!g_str_equal(cols[4], "yes") && !g_str_equal(cols[4], "no")))
    return NULL;
  LfFirmwareRule *r = g_new0(LfFirmwareRule, 1);
  r->driver = g_strdup(cols[0]);
  r->match = g_ascii_strdown(cols[1], -1);
  r->files = g_strdup(cols[2]);
  r->package = g_strdup(cols[3]);
  r->nonfree = g_str_equal(cols[4], "yes");
  r->shipped = g_strsplit(cols[6], "|", 0);
  r->packages = g_str_equal(cols[7], "-") ? g_new0(char *, 1) : g_strsplit(cols[7], " ", 0);
  return r;
}

LfFirmwareTable *lf_firmware_table_parse(const char *data, gsize len)
{
  LfFirmwareTable *t = g_new0(LfFirmwareTable, 1);
  t->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
  t->packaging = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
  g_autofree char *copy = g_strndup(data, len);
  g_auto(GStrv) lines = g_strsplit(copy, "\n", 0);
  gboolean packaging = FALSE;   /* which table the rows belong to: the last header says */
  for (guint i = 0; lines[i]; i++) {
    const char *l = lines[i];
    if (*l == '#' || *l == '\0')
      continue;
    if (g_str_has_prefix(l, "driver\t") || g_str_has_prefix(l, "editions\t")) {
      packaging = *l == 'e';
      continue;
    }
    g_auto(GStrv) cols = g_strsplit(l, "\t", 0);
    if (packaging && g_strv_length(cols) == 3 && *cols[0] && *cols[1]) {
      char **pair = g_new0(char *, 3);
      pair[0] = g_strdup(cols[0]);
      pair[1] = g_strdup(cols[1]);
      g_ptr_array_add(t->packaging, pair);
      continue;
    }
    LfFirmwareRule *r = packaging ? NULL : parse_rule(cols);
    if (r == NULL)
      g_debug("firmware table: skipping malformed line %u", i + 1);
    else
      g_ptr_array_add(t->rules, r);
  }
  return t;
}

LfFirmwareOrigin lf_firmware_rule_origin(const LfFirmwareRule *rule, const char *file)
{
  g_auto(GStrv) files = g_strsplit(rule->files, "|", 0);
  for (guint i = 0; files[i] && rule->shipped[i]; i++) {
    if (!g_str_equal(files[i], file))
      continue;
    const char *s = rule->shipped[i];
    return g_str_equal(s, "linux-firmware") ? LF_FW_ORIGIN_LINUX_FIRMWARE
           : g_str_equal(s, "board")        ? LF_FW_ORIGIN_BOARD
           : g_str_equal(s, "vendor")       ? LF_FW_ORIGIN_VENDOR
                                            : LF_FW_ORIGIN_UNKNOWN;
  }
  return LF_FW_ORIGIN_UNKNOWN;
}

LfFirmwareOrigin lf_firmware_table_origin(const LfFirmwareTable *table, const char *driver,
                                          const char *file)
{
  for (guint i = 0; driver && i < table->rules->len; i++) {
    const LfFirmwareRule *r = table->rules->pdata[i];
    LfFirmwareOrigin o = g_str_equal(r->driver, driver) ? lf_firmware_rule_origin(r, file)
                                                        : LF_FW_ORIGIN_UNKNOWN;
    if (o != LF_FW_ORIGIN_UNKNOWN)
      return o;
  }
  return LF_FW_ORIGIN_UNKNOWN;
}

const char *lf_firmware_rule_package(const LfFirmwareRule *rule, const char *family)
{
  if (family == NULL)
    return NULL;
  if (g_str_equal(family, "debian"))
    return g_str_equal(rule->package, "-") ? NULL : rule->package;
  gsize n = strlen(family);
  for (guint i = 0; rule->packages[i]; i++)
    if (strncmp(rule->packages[i], family, n) == 0 && rule->packages[i][n] == '=')
      return rule->packages[i] + n + 1;
  return NULL;
}

const char *lf_firmware_table_family(const LfFirmwareTable *table, const char *edition_id)
{
  for (guint i = 0; edition_id && i < table->packaging->len; i++) {
    char **pair = table->packaging->pdata[i];
    if (g_pattern_match_simple(pair[0], edition_id))
      return pair[1];
  }
  return NULL;
}

void lf_firmware_table_free(LfFirmwareTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref(table->rules);
  g_ptr_array_unref(table->packaging);
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
