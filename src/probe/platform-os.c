/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The running system: os-release and the kernel command line (live sessions).
 * Pure: see platform-parse.h. */
#include "probe/platform-parse.h"

#include <string.h>

#include "core/kv.h"
#include "core/text.h"

static char *clean_value(const char *v)
{
  if (v == NULL || *v == '\0')
    return NULL;
  gsize n = strlen(v);
  if (n > 255)
    n = 255;
  g_autofree char *cut = g_strndup(v, n);
  char *s = g_strstrip(lf_text_sanitize(cut));   /* controls, C1, bidi, bad UTF-8 */
  if (*s == '\0')
    return g_free(s), NULL;
  return s;
}

void lf_os_release_parse(const char *data, gsize len, LfOs *os)
{
  g_autoptr(GHashTable) kv = lf_kv_parse_table(data, len);
  char *pretty = clean_value(g_hash_table_lookup(kv, "PRETTY_NAME"));
  if (pretty == NULL) {
    const char *name = g_hash_table_lookup(kv, "NAME");
    const char *version = g_hash_table_lookup(kv, "VERSION");
    if (name && *name) {
      g_autofree char *joined = version && *version ? g_strjoin(" ", name, version, NULL)
                                                    : g_strdup(name);
      pretty = clean_value(joined);
    }
  }
  if (pretty) {
    g_free(os->pretty_name);
    os->pretty_name = pretty;
  }
  char *id = clean_value(g_hash_table_lookup(kv, "ID"));
  if (id) {
    g_free(os->id);
    os->id = id;
  }
  char *version_id = clean_value(g_hash_table_lookup(kv, "VERSION_ID"));
  if (version_id) {
    g_free(os->version_id);
    os->version_id = version_id;
  }
}

gboolean lf_cmdline_is_live(const char *data, gsize len)
{
  g_autofree char *copy = g_strndup(data, len);
  g_auto(GStrv) words = g_strsplit_set(copy, " \t\n", 0);
  for (guint i = 0; words[i]; i++) {
    const char *w = words[i];
    if (g_str_equal(w, "--"))
      break;  /* the rest belongs to init */
    if (g_str_equal(w, "boot=casper") || g_str_equal(w, "boot=live") ||
        g_str_equal(w, "rd.live.image") || g_str_has_prefix(w, "archisobasedir=") ||
        g_str_has_prefix(w, "archisolabel=") || g_str_has_prefix(w, "root=live:"))
      return TRUE;
  }
  return FALSE;
}
