/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/kv.h"

#include <string.h>

static char *unquote(const char *v, gsize n)
{
  GString *out = g_string_sized_new(n);
  char quote = 0;
  for (gsize i = 0; i < n; i++) {
    char c = v[i];
    if (quote == 0 && (c == '"' || c == '\'')) {
      quote = c;
    } else if (quote != 0 && c == quote) {
      quote = 0;
    } else if (c == '\\' && quote != '\'' && i + 1 < n) {
      g_string_append_c(out, v[++i]);
    } else if (quote == 0 && c == '#' && (i == 0 || v[i - 1] == ' ')) {
      break;  /* trailing comment */
    } else {
      g_string_append_c(out, c);
    }
  }
  return g_strstrip(g_string_free(out, FALSE));
}

gboolean lf_text_next_line(const char *data, gsize len, gsize *pos, const char **line,
                           gsize *line_len)
{
  if (*pos >= len)
    return FALSE;
  const char *start = data + *pos;
  const char *nl = memchr(start, '\n', len - *pos);
  gsize n = nl ? (gsize)(nl - start) : len - *pos;
  *pos += n + (nl ? 1 : 0);
  *line = start;
  *line_len = n;
  return TRUE;
}

void lf_kv_parse(const char *data, gsize len, LfKvFunc func, gpointer user_data)
{
  gsize pos = 0, line_len;
  const char *line;
  while (lf_text_next_line(data, len, &pos, &line, &line_len)) {
    const char *eq = memchr(line, '=', line_len);
    if (eq == NULL || memchr(line, '\0', line_len) != NULL)
      continue;
    g_autofree char *key = g_strstrip(g_strndup(line, (gsize)(eq - line)));
    if (*key == '\0' || *key == '#')
      continue;
    g_autofree char *value = unquote(eq + 1, line_len - (gsize)(eq - line) - 1);
    func(key, value, user_data);
  }
}

static void insert(const char *key, const char *value, gpointer table)
{
  g_hash_table_replace(table, g_strdup(key), g_strdup(value));
}

GHashTable *lf_kv_parse_table(const char *data, gsize len)
{
  GHashTable *table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  lf_kv_parse(data, len, insert, table);
  return table;
}
