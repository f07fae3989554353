/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/json-load.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"

/* Nesting outside strings and comments, the way json-glib 1.6's scanner reads
 * them: "..." with backslash escapes, '...' without, C comments. Stops early
 * once over the limit. */
static gboolean depth_ok(const char *data, gsize len)
{
  guint depth = 0;
  for (gsize i = 0; i < len; i++) {
    char c = data[i];
    if (c == '"') {
      for (i++; i < len && data[i] != '"'; i++)
        if (data[i] == '\\')
          i++;
    } else if (c == '\'') {
      for (i++; i < len && data[i] != '\''; i++)
        ;
    } else if (c == '/' && i + 1 < len && data[i + 1] == '*') {
      for (i += 2; i + 1 < len && !(data[i] == '*' && data[i + 1] == '/'); i++)
        ;
      i++;
    } else if (c == '[' || c == '{') {
      if (++depth > LF_JSON_MAX_DEPTH)
        return FALSE;
    } else if ((c == ']' || c == '}') && depth > 0) {
      depth--;
    }
  }
  return TRUE;
}

/* Brackets, commas, colons and quotes end a token on their own: whitespace
 * next to them separates nothing. */
static gboolean ends_token(char c)
{
  return c == '\0' || strchr("{}[],:\"", c) != NULL;
}

/* The text without the whitespace json-glib would skip between tokens:
 * its scanner costs per byte, and an indented report is a third spaces.
 * Whitespace between two other characters stays (one space), strings are
 * copied as they are. NULL when there is nothing to drop or the text has
 * what JSON does not (comments, '...' strings, NUL): the caller parses the
 * original. transfer full. */
static char *tighten(const char *data, gsize n, gsize *out_len)
{
  char *out = g_malloc(n + 1);
  gsize o = 0;
  for (gsize i = 0; i < n; i++) {
    char c = data[i];
    if (c == '"') {
      out[o++] = c;
      for (i++; i < n && data[i] != '"'; i++) {
        if (data[i] == '\\' && i + 1 < n)
          out[o++] = data[i++];
        out[o++] = data[i];
      }
      if (i < n)
        out[o++] = '"';
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      gsize j = i;
      while (j < n && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r'))
        j++;
      if (!ends_token(o ? out[o - 1] : '\0') && !ends_token(j < n ? data[j] : '\0'))
        out[o++] = ' ';
      i = j - 1;
    } else if (c == '/' || c == '\'' || c == '\0') {
      g_free(out);
      return NULL;
    } else {
      out[o++] = c;
    }
  }
  if (o == n) {
    g_free(out);
    return NULL;
  }
  out[o] = '\0';
  *out_len = o;
  return out;
}

/* The tightened text is tried first; a failure is reported from the
 * original, so its line and column are the file's. */
static gboolean load(JsonParser *parser, const char *data, gsize n, GError **error)
{
  gsize tn = 0;
  g_autofree char *tight = tighten(data, n, &tn);
  if (tight && json_parser_load_from_data(parser, tight, (gssize)tn, NULL))
    return TRUE;
  return json_parser_load_from_data(parser, data, (gssize)n, error);
}

JsonNode *lf_json_parse(const char *data, gssize len, GError **error)
{
  g_return_val_if_fail(data != NULL, NULL);
  gsize n = len < 0 ? strlen(data) : (gsize)len;
  if (n > LF_JSON_MAX_BYTES) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("larger than %zu bytes"),
                (gsize)LF_JSON_MAX_BYTES);
    return NULL;
  }
  if (!depth_ok(data, n)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("nested deeper than %u levels"),
                (guint)LF_JSON_MAX_DEPTH);
    return NULL;
  }
  g_autoptr(JsonParser) parser = json_parser_new_immutable();
  g_autoptr(GError) local = NULL;
  if (!load(parser, data, n, &local)) {
    /* json-glib quotes the offending token: keep only its "<data>:LINE:COL:". */
    unsigned line = 0, col = 0;
    if (local->message && sscanf(local->message, "%*[^:]:%u:%u", &line, &col) == 2)
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not valid JSON (line %u, column %u)"),
                  line, col);
    else
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not valid JSON"));
    return NULL;
  }
  JsonNode *root = json_parser_get_root(parser);
  if (root == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not valid JSON"));
    return NULL;
  }
  return json_node_ref(root);
}

JsonNode *lf_json_load(const char *path, LfReadFlags flags, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!lf_file_read(path, LF_JSON_MAX_BYTES, flags, &data, &len, error))
    return NULL;
  return lf_json_parse(data, (gssize)len, error);
}
