/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dbgen --firmware-table: validates the data/firmware TSV files (every bad row
 * is "file:line: why" and the build stops) and embeds the checked text as the
 * C string lf_firmware_tsv[] that src/probe/firmware-table.c parses.
 *
 *   lapfit-dbgen --firmware-table --root SRCDIR [--c-out firmware-tsv.h] FILE.tsv... */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "db/dbgen.h"

static gboolean is_id(const char *s)
{
  if (g_str_equal(s, "*"))
    return TRUE;
  if (strlen(s) != 9 || s[4] != ':')
    return FALSE;
  for (int i = 0; i < 9; i++)
    if (i != 4 && !(g_ascii_isdigit(s[i]) || (s[i] >= 'a' && s[i] <= 'f')))
      return FALSE;
  return TRUE;
}

static gboolean is_driver(const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum(*s) && *s != '_' && *s != '-')
      return FALSE;
  return TRUE;
}

static gboolean is_shipped(const char *s)
{
  return g_str_equal(s, "linux-firmware") || g_str_equal(s, "board") ||
         g_str_equal(s, "vendor") || g_str_equal(s, "?");
}

/* "ubuntu=linux-firmware fedora=brcmfmac-firmware": each family once, a name each. */
static gboolean is_packages(const char *s)
{
  if (g_str_equal(s, "-"))
    return TRUE;
  g_auto(GStrv) items = g_strsplit(s, " ", 0);
  guint seen = 0;
  for (guint i = 0; items[i]; i++) {
    static const char *const families[] = { "ubuntu", "fedora", "arch", NULL };
    const char *eq = strchr(items[i], '=');
    if (eq == NULL || eq[1] == '\0')
      return FALSE;
    g_autofree char *family = g_strndup(items[i], (gsize)(eq - items[i]));
    guint k = 0;
    while (families[k] && !g_str_equal(families[k], family))
      k++;
    if (families[k] == NULL || (seen & (1u << k)))
      return FALSE;
    seen |= 1u << k;
  }
  return items[0] != NULL;
}

/* The shipping columns: one `shipped` word per file, packages, a source. */
static const char *shipping_error(char **cols)
{
  if (g_str_equal(cols[2], "-"))
    return g_str_equal(cols[6], "-") && g_str_equal(cols[7], "-")
               ? NULL : "shipped and packages: - when files is -";
  g_auto(GStrv) files = g_strsplit(cols[2], "|", 0);
  g_auto(GStrv) shipped = g_strsplit(cols[6], "|", 0);
  if (g_strv_length(files) != g_strv_length(shipped))
    return "shipped: one of linux-firmware|board|vendor|? per file, |-separated like files";
  for (guint i = 0; shipped[i]; i++)
    if (!is_shipped(shipped[i]))
      return "shipped: one of linux-firmware|board|vendor|? per file, |-separated like files";
  if (!is_packages(cols[7]))
    return "packages: family=name with family ubuntu, fedora or arch (each once), or -";
  if (*cols[8] == '\0')
    return "shipped_source: where shipped and packages come from";
  return NULL;
}

/* Why one network row is wrong, or NULL. */
static const char *row_error(char **cols)
{
  if (g_strv_length(cols) != 9)
    return "needs 9 tab-separated columns: driver match files package nonfree source shipped "
           "packages shipped_source";
  if (!is_driver(cols[0]))
    return "driver: a kernel driver name (letters, digits, _ and -)";
  if (!is_id(cols[1]))
    return "match: vendor:device in lower-case hex (8086:24fd) or *";
  if (*cols[2] == '\0' || strstr(cols[2], "..") || cols[2][0] == '/')
    return "files: globs relative to /lib/firmware, or -";
  if (*cols[3] == '\0')
    return "package: a Debian package name, or -";
  if (g_str_equal(cols[2], "-") != g_str_equal(cols[3], "-"))
    return "files and package: both - or neither";
  if (!g_str_equal(cols[4], "yes") && !g_str_equal(cols[4], "no"))
    return "nonfree: yes or no";
  if (*cols[5] == '\0')
    return "source: where the file names come from";
  return shipping_error(cols);
}

/* Why one packaging row (editions family source) is wrong, or NULL. */
static const char *packaging_error(char **cols)
{
  static const char *const families[] = { "debian", "ubuntu", "fedora", "arch", NULL };
  if (g_strv_length(cols) != 3)
    return "needs 3 tab-separated columns: editions family source";
  for (const char *c = cols[0]; *c; c++)
    if (!g_ascii_isalnum(*c) && !strchr("-_.*?", *c))
      return "editions: a glob over edition ids (letters, digits, - _ . * ?)";
  if (*cols[0] == '\0')
    return "editions: a glob over edition ids (letters, digits, - _ . * ?)";
  if (!g_strv_contains(families, cols[1]))
    return "family: debian, ubuntu, fedora or arch";
  if (*cols[2] == '\0')
    return "source: why the edition takes that family's packages";
  return NULL;
}

typedef enum { TABLE_NONE, TABLE_NETWORK, TABLE_PACKAGING } TableKind;

static guint check_file(const char *name, const char *text, guint *rows)
{
  guint errors = 0;
  TableKind kind = TABLE_NONE;
  g_auto(GStrv) lines = g_strsplit(text, "\n", 0);
  for (guint i = 0; lines[i]; i++) {
    const char *l = lines[i];
    if (*l == '#' || *l == '\0')
      continue;
    if (g_str_has_prefix(l, "driver\t") || g_str_has_prefix(l, "editions\t")) {
      kind = *l == 'd' ? TABLE_NETWORK : TABLE_PACKAGING;
      continue;
    }
    g_auto(GStrv) cols = g_strsplit(l, "\t", 0);
    const char *why = kind == TABLE_NETWORK     ? row_error(cols)
                      : kind == TABLE_PACKAGING ? packaging_error(cols)
                                                : "a row before the header line (driver... or "
                                                  "editions...)";
    if (why != NULL) {
      fprintf(stderr, "%s:%u: %s\n", name, i + 1, why);
      errors++;
    } else {
      (*rows)++;
    }
  }
  return errors;
}

static gboolean write_h(const char *out, GString *all)
{
  g_autoptr(GString) s = g_string_new(
      "/* Generated by db/dbgen --firmware-table from data/firmware: do not edit. */\n"
      "static const char lf_firmware_tsv[] = {\n");
  lf_dbgen_append_bytes(s, all->str, all->len);
  return lf_dbgen_write(out, s);
}

int lf_dbgen_firmware_table(int argc, char **argv)
{
  g_autofree char *root = NULL, *c_out = NULL;
  g_auto(GStrv) files = NULL;
  if (!lf_dbgen_table_options(argc, argv, "firmware-table",
                              "- validate and embed the firmware table", &root, &c_out, NULL, &files))
    return 2;
  g_autoptr(GString) all = g_string_new(NULL);
  guint errors = 0, rows = 0;
  for (guint i = 0; files[i] != NULL; i++) {
    g_autofree char *name = lf_dbgen_rel_name(root, files[i]);
    g_autofree char *text = NULL;
    g_autoptr(GError) ferr = NULL;
    if (!g_file_get_contents(files[i], &text, NULL, &ferr)) {
      fprintf(stderr, "%s: %s\n", name, ferr->message);
      errors++;
      continue;
    }
    errors += check_file(name, text, &rows);
    g_string_append_printf(all, "%s\n", text);
  }
  if (errors > 0) {
    fprintf(stderr, "dbgen: %u error%s in the firmware table\n", errors, errors == 1 ? "" : "s");
    return 1;
  }
  if (c_out == NULL) {
    printf("%u firmware rows OK\n", rows);
    return 0;
  }
  return write_h(c_out, all) ? 0 : 1;
}
